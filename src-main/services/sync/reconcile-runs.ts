import type Database from 'better-sqlite3';
import type { AirflowSource } from '../airflow/airflow-source';
import { walkPages } from './page-walker';

/**
 * Full reconciliation: lists every run in the window and marks cached runs
 * (and their task instances) that Airflow no longer has as deleted upstream,
 * rather than silently keeping or dropping them. History older than the
 * window is removed. Returns how many runs were newly marked.
 */
export async function reconcileRuns(
  source: AirflowSource,
  db: Database.Database,
  options: { envId: string; windowStart: string; parallel: number; signal?: AbortSignal | undefined; onProgress: (done: number, total: number) => void },
): Promise<number> {
  const { envId, windowStart } = options;
  const present = new Set<string>();
  await walkPages(
    (p) => source.listRuns({ ...p, since: windowStart }),
    (items, done, total) => {
      for (const run of items) present.add(`${run.dagId}\u0000${run.runId}`);
      options.onProgress(done, total);
    },
    { parallel: options.parallel, signal: options.signal },
  );
  return db.transaction(() => {
    const cached = db
      .prepare('SELECT dag_id, run_id FROM dag_runs WHERE env_id = ? AND deleted_upstream = 0 AND COALESCE(start_date, run_after, logical_date) >= ?')
      .all(envId, windowStart) as { dag_id: string; run_id: string }[];
    const markRun = db.prepare('UPDATE dag_runs SET deleted_upstream = 1 WHERE env_id = ? AND dag_id = ? AND run_id = ?');
    const markTis = db.prepare('UPDATE task_instances SET deleted_upstream = 1 WHERE env_id = ? AND dag_id = ? AND run_id = ?');
    let marked = 0;
    for (const run of cached) {
      if (present.has(`${run.dag_id}\u0000${run.run_id}`)) continue;
      marked += markRun.run(envId, run.dag_id, run.run_id).changes;
      markTis.run(envId, run.dag_id, run.run_id);
    }
    for (const table of ['task_logs', 'task_tries', 'task_instances']) {
      db.prepare(
        `DELETE FROM ${table} WHERE env_id = ? AND (dag_id, run_id) IN (SELECT dag_id, run_id FROM dag_runs WHERE env_id = ? AND COALESCE(start_date, run_after, logical_date) < ?)`,
      ).run(envId, envId, windowStart);
    }
    db.prepare('DELETE FROM dag_runs WHERE env_id = ? AND COALESCE(start_date, run_after, logical_date) < ?').run(envId, windowStart);
    return marked;
  })();
}
