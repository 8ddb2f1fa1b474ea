import type Database from 'better-sqlite3';
import type { TimelineEntry } from '../../../src-shared/domain/incidents';
import { appRoute } from './app-route';

const LIMIT = 30;

/**
 * Events of the synced history around an incident, per DAG and time window:
 * first failure, failed runs, retries, and asset events from upstream DAGs.
 * Reads through the time indexes; all SQL fixed, values bound.
 */
export class HistoryEvents {
  private readonly firstFailed;
  private readonly failedRuns;
  private readonly retries;
  private readonly assetEvents;

  constructor(db: Database.Database) {
    this.firstFailed = db.prepare(
      `SELECT run_id, task_id, map_index, COALESCE(end_date, start_date) AS at FROM task_instances
       WHERE env_id = ? AND dag_id = ? AND state IN ('failed', 'up_for_retry', 'upstream_failed') AND state = 'failed' AND start_date >= ? AND start_date < ?
       ORDER BY start_date LIMIT 1`,
    );
    this.failedRuns = db.prepare(
      `SELECT run_id, COALESCE(end_date, start_date, queued_at) AS at FROM dag_runs
       WHERE env_id = ? AND dag_id = ? AND state = 'failed' AND start_date >= ? AND start_date < ? AND deleted_upstream = 0
       ORDER BY start_date LIMIT ${LIMIT}`,
    );
    this.retries = db.prepare(
      `SELECT t.run_id, t.task_id, t.map_index, t.try_number, t.state, COALESCE(t.end_date, t.start_date) AS at FROM task_tries t
       JOIN task_instances i ON i.env_id = t.env_id AND i.dag_id = t.dag_id AND i.run_id = t.run_id AND i.task_id = t.task_id AND i.map_index = t.map_index
       WHERE t.env_id = ? AND t.dag_id = ? AND t.start_date >= ? AND t.start_date < ? AND t.state <> 'success' AND t.try_number < i.try_number
       ORDER BY t.start_date LIMIT ${LIMIT}`,
    );
    this.assetEvents = db.prepare(
      `SELECT e.uri, e.timestamp AS at, e.source_dag_id, e.source_task_id FROM asset_events e
       WHERE e.env_id = @envId AND e.timestamp >= @from AND e.timestamp < @to
         AND e.uri IN (SELECT uri FROM asset_links WHERE env_id = @envId AND dag_id = @dagId AND role = 'consumer')
         AND COALESCE(e.source_dag_id, '') <> @dagId
       ORDER BY e.timestamp LIMIT ${LIMIT}`,
    );
  }

  forDag(envId: string, dagId: string, from: string, to: string): TimelineEntry[] {
    const entries: TimelineEntry[] = [];
    const first = this.firstFailed.get(envId, dagId, from, to) as { run_id: string; task_id: string; map_index: number; at: string } | undefined;
    if (first) {
      entries.push({
        at: first.at,
        kind: 'first_failure',
        text: `First failure in the window: ${dagId} › ${first.task_id} (run ${first.run_id})`,
        dagId,
        route: appRoute('task', { env: envId, dag: dagId, run: first.run_id, task: first.task_id, map: first.map_index >= 0 ? first.map_index : undefined }),
        source: 'history',
      });
    }
    for (const r of this.failedRuns.all(envId, dagId, from, to) as { run_id: string; at: string | null }[]) {
      if (r.at === null) continue;
      entries.push({ at: r.at, kind: 'failure', text: `Run failed: ${dagId} (run ${r.run_id})`, dagId, route: appRoute('run', { env: envId, dag: dagId, run: r.run_id }), source: 'history' });
    }
    for (const t of this.retries.all(envId, dagId, from, to) as { run_id: string; task_id: string; map_index: number; try_number: number; state: string; at: string | null }[]) {
      if (t.at === null) continue;
      entries.push({
        at: t.at,
        kind: 'retry',
        text: `Try ${t.try_number} of ${dagId} › ${t.task_id} ended ${t.state.replace(/_/g, ' ')} and was retried (run ${t.run_id})`,
        dagId,
        route: appRoute('task', { env: envId, dag: dagId, run: t.run_id, task: t.task_id, map: t.map_index >= 0 ? t.map_index : undefined, try: t.try_number }),
        source: 'history',
      });
    }
    for (const e of this.assetEvents.all({ envId, dagId, from, to }) as { uri: string; at: string; source_dag_id: string | null; source_task_id: string | null }[]) {
      const by = e.source_dag_id === null ? 'outside Airflow' : `${e.source_dag_id}${e.source_task_id ? ` › ${e.source_task_id}` : ''}`;
      entries.push({ at: e.at, kind: 'asset_event', text: `Upstream asset ${e.uri} updated by ${by}`, dagId, route: appRoute('lineage', { env: envId, dag: dagId }), source: 'history' });
    }
    return entries;
  }
}
