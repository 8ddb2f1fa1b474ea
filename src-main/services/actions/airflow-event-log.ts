import type Database from 'better-sqlite3';
import type { AirflowEventEntry } from '../../../src-shared/domain/actions';

interface EventRow {
  event_id: number;
  when_ts: string;
  event: string;
  owner: string | null;
  dag_id: string | null;
  task_id: string | null;
  run_id: string | null;
  extra: string | null;
}

const MAX_EXTRA = 2_000;

/** Airflow's own audit trail (synced `event_logs`), shown beside ours; extra text is bounded. */
export function airflowEvents(db: Database.Database, envId: string, limit: number): AirflowEventEntry[] {
  const rows = db
    .prepare(
      'SELECT event_id, when_ts, event, owner, dag_id, task_id, run_id, extra FROM event_logs WHERE env_id = ? ORDER BY when_ts DESC, event_id DESC LIMIT ?',
    )
    .all(envId, limit) as EventRow[];
  return rows.map((r) => ({
    id: r.event_id,
    when: r.when_ts,
    event: r.event,
    owner: r.owner,
    dagId: r.dag_id,
    taskId: r.task_id,
    runId: r.run_id,
    extra: r.extra === null ? null : r.extra.slice(0, MAX_EXTRA),
  }));
}
