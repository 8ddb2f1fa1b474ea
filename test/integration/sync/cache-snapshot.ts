import Database from 'better-sqlite3';

/** Columns that record when we synced, not what Airflow said; excluded from comparisons. */
/** Also the DAG's last parse time, which Airflow bumps every few seconds. */
const LOCAL_COLUMNS = new Set(['synced_at', 'fetched_at', 'last_parsed']);
export const SYNCED_TABLES = [
  'dags',
  'tasks',
  'dag_runs',
  'task_instances',
  'task_tries',
  'task_logs',
  'assets',
  'asset_links',
  'asset_events',
  'pools',
  'import_errors',
] as const;

/** Every synced row of the cache file, as sorted JSON lines per table (local bookkeeping columns left out). */
export function snapshotCache(file: string, envId: string): Record<string, string[]> {
  const db = new Database(file, { readonly: true });
  try {
    const out: Record<string, string[]> = {};
    for (const table of SYNCED_TABLES) {
      const rows = db.prepare(`SELECT * FROM ${table} WHERE env_id = ?`).all(envId) as Record<string, unknown>[];
      out[table] = rows
        .map((row) => JSON.stringify(Object.fromEntries(Object.entries(row).filter(([k]) => !LOCAL_COLUMNS.has(k) && k !== 'deleted_at'))))
        .sort();
    }
    return out;
  } finally {
    db.close();
  }
}

export function integrityCheck(file: string): string {
  const db = new Database(file, { readonly: true });
  try {
    return db.pragma('integrity_check', { simple: true }) as string;
  } finally {
    db.close();
  }
}
