import type Database from 'better-sqlite3';
import type { AirflowTarget } from './airflow-links';

/** Reads what a link into Airflow's own UI needs: the environment's kind and base URL. */
export function readEnvTarget(db: Database.Database, envId: string): AirflowTarget {
  const row = db.prepare('SELECT kind, base_url FROM environments WHERE id = ?').get(envId) as
    | { kind: string; base_url: string | null }
    | undefined;
  return { kind: row?.kind ?? 'demo', baseUrl: row?.base_url ?? null };
}
