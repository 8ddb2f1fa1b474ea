import type Database from 'better-sqlite3';

/** Cache tables holding an environment's history (not its row, nor the user's local triage). */
const HISTORY_TABLES = [
  'task_logs',
  'task_tries',
  'task_instances',
  'dag_runs',
  'tasks',
  'dags',
  'asset_events',
  'asset_links',
  'assets',
  'pools',
  'event_logs',
  'import_errors',
  'synth_labels',
  'sync_cursors',
] as const;

/** Removes the environment's previous history so regenerating leaves no stale rows behind. */
export function clearEnvironmentHistory(db: Database.Database, envId: string): void {
  db.transaction(() => {
    for (const table of HISTORY_TABLES) db.prepare(`DELETE FROM ${table} WHERE env_id = ?`).run(envId);
  })();
}
