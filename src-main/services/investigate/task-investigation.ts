import type Database from 'better-sqlite3';
import type { TaskInvestigation, TaskLog, TaskTry } from '../../../src-shared/domain/investigate';
import { airflowTaskUrl } from './airflow-links';
import { readEnvTarget } from './env-target';
import { toTaskState } from './task-state';

interface TryRow { try_number: number; state: string; start_date: string | null; end_date: string | null; duration_s: number | null; hostname: string | null }

export interface InstanceKey { envId: string; dagId: string; runId: string; taskId: string; mapIndex: number }

/** A task instance with every try (earlier ones from task_tries, the last from task_instances) and its cached logs. */
export class TaskInvestigator {
  private readonly instance;
  private readonly tries;
  private readonly logTries;
  private readonly log;

  constructor(private readonly db: Database.Database) {
    this.instance = db.prepare(
      `SELECT try_number, state, start_date, end_date, duration_s, hostname, operator, note FROM task_instances
       WHERE env_id = ? AND dag_id = ? AND run_id = ? AND task_id = ? AND map_index = ?`,
    );
    this.tries = db.prepare(
      `SELECT try_number, state, start_date, end_date, duration_s, hostname FROM task_tries
       WHERE env_id = ? AND dag_id = ? AND run_id = ? AND task_id = ? AND map_index = ? ORDER BY try_number`,
    );
    this.logTries = db.prepare('SELECT try_number FROM task_logs WHERE env_id = ? AND dag_id = ? AND run_id = ? AND task_id = ? AND map_index = ?');
    this.log = db.prepare(
      'SELECT content, truncated, fetched_at FROM task_logs WHERE env_id = ? AND dag_id = ? AND run_id = ? AND task_id = ? AND map_index = ? AND try_number = ?',
    );
  }

  investigate(key: InstanceKey): TaskInvestigation | null {
    const args = [key.envId, key.dagId, key.runId, key.taskId, key.mapIndex] as const;
    const last = this.instance.get(...args) as (TryRow & { operator: string | null; note: string | null }) | undefined;
    if (!last) return null;
    const withLog = new Set((this.logTries.all(...args) as { try_number: number }[]).map((r) => r.try_number));
    const toTry = (r: TryRow): TaskTry => ({
      tryNumber: r.try_number,
      state: toTaskState(r.state),
      startDate: r.start_date,
      endDate: r.end_date,
      durationS: r.duration_s,
      hostname: r.hostname,
      hasLog: withLog.has(r.try_number),
    });
    const earlier = (this.tries.all(...args) as TryRow[]).filter((r) => r.try_number < last.try_number).map(toTry);
    return {
      ...key,
      state: toTaskState(last.state),
      operator: last.operator,
      note: last.note,
      tries: [...earlier, toTry(last)],
      airflowUrl: airflowTaskUrl(readEnvTarget(this.db, key.envId), key.dagId, key.runId, key.taskId, key.mapIndex),
    };
  }

  logOf(key: InstanceKey, tryNumber: number): TaskLog | null {
    const row = this.log.get(key.envId, key.dagId, key.runId, key.taskId, key.mapIndex, tryNumber) as
      | { content: string; truncated: number; fetched_at: string }
      | undefined;
    return row ? { tryNumber, content: row.content, truncated: row.truncated === 1, fetchedAt: row.fetched_at } : null;
  }
}
