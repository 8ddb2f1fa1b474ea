import type Database from 'better-sqlite3';
import { KEPT_RUN_SQL } from './retention';

/**
 * Drops what the retention rule no longer keeps: runs (live or gone
 * upstream) none of whose dates is inside the window and that are not active,
 * with their task instances, tries and logs; audit and asset events older
 * than the window. Returns how many runs were dropped. Call inside a transaction.
 */
export function pruneOutsideRetention(db: Database.Database, envId: string, windowStart: string): number {
  const params = { envId, windowStart };
  const outside = `SELECT dag_id, run_id FROM dag_runs WHERE env_id = @envId AND NOT ${KEPT_RUN_SQL}`;
  for (const table of ['task_logs', 'task_tries', 'task_instances']) {
    db.prepare(`DELETE FROM ${table} WHERE env_id = @envId AND (dag_id, run_id) IN (${outside})`).run(params);
  }
  const runs = db.prepare(`DELETE FROM dag_runs WHERE env_id = @envId AND NOT ${KEPT_RUN_SQL}`).run(params).changes;
  db.prepare('DELETE FROM asset_events WHERE env_id = @envId AND timestamp < @windowStart').run(params);
  db.prepare('DELETE FROM event_logs WHERE env_id = @envId AND when_ts < @windowStart').run(params);
  return runs;
}
