import type Database from 'better-sqlite3';
import type { Environment } from '../../../src-shared/domain/environment';
import { redactNullable, redactSecrets } from '../credentials/secret-redaction';
import type { EnvironmentRow } from './rows';

interface StoredEnvironment {
  id: string;
  name: string;
  kind: Environment['kind'];
  color: string;
  read_only: number;
  base_url: string | null;
  airflow_version: string | null;
  synthetic: number;
  as_of: string | null;
  config_json: string;
  last_sync_at: string | null;
  last_sync_error: string | null;
}

/** Environments known to the cache. Secrets never live here (see the credentials vault). */
export class EnvironmentStore {
  constructor(private readonly db: Database.Database) {}

  list(credentialsConfigured: (envId: string) => boolean): Environment[] {
    const rows = this.db.prepare('SELECT * FROM environments ORDER BY synthetic DESC, name').all() as StoredEnvironment[];
    return rows.map((r) => ({
      id: r.id,
      name: r.name,
      kind: r.kind,
      color: r.color,
      readOnly: r.read_only === 1,
      baseUrl: r.base_url,
      airflowVersion: r.airflow_version,
      credentialsConfigured: credentialsConfigured(r.id),
      synthetic: r.synthetic === 1,
      lastSyncAt: r.last_sync_at,
      lastSyncError: redactNullable(r.last_sync_error),
    }));
  }

  exists(envId: string): boolean {
    return this.db.prepare('SELECT 1 FROM environments WHERE id = ?').get(envId) !== undefined;
  }

  /** The instant history ends: the synthetic `as_of`, or now for a live environment. */
  asOf(envId: string): string | null {
    const row = this.db.prepare('SELECT as_of, synthetic FROM environments WHERE id = ?').get(envId) as
      | { as_of: string | null; synthetic: number }
      | undefined;
    if (!row) return null;
    return row.synthetic === 1 && row.as_of ? row.as_of : new Date().toISOString();
  }

  upsert(env: EnvironmentRow): void {
    this.db
      .prepare(
        `INSERT INTO environments (id, name, kind, color, read_only, base_url, airflow_version, config_json, synthetic, as_of, created_at)
         VALUES (@id, @name, @kind, @color, @readOnly, @baseUrl, @airflowVersion, @configJson, @synthetic, @asOf, @createdAt)
         ON CONFLICT (id) DO UPDATE SET name = excluded.name, kind = excluded.kind, color = excluded.color,
           read_only = excluded.read_only, base_url = excluded.base_url, airflow_version = excluded.airflow_version,
           config_json = excluded.config_json, synthetic = excluded.synthetic, as_of = excluded.as_of`,
      )
      .run({ ...env, readOnly: env.readOnly ? 1 : 0, synthetic: env.synthetic ? 1 : 0, createdAt: new Date().toISOString() });
  }

  /** A finished sync: the time "synced N min ago" counts from. */
  recordSyncSuccess(envId: string, at: string): void {
    this.db.prepare('UPDATE environments SET last_sync_at = ?, last_sync_error = NULL WHERE id = ?').run(at, envId);
  }

  /** A failed sync keeps the last good time and says why this one failed. */
  recordSyncFailure(envId: string, error: string): void {
    this.db.prepare('UPDATE environments SET last_sync_error = ? WHERE id = ?').run(redactSecrets(error), envId);
  }

  /** Removes an environment and everything cached for it, in one transaction. */
  remove(envId: string): void {
    const tables = ['task_logs', 'task_tries', 'task_instances', 'dag_runs', 'tasks', 'asset_links', 'asset_events', 'run_triage'];
    this.db.transaction(() => {
      for (const table of tables) this.db.prepare(`DELETE FROM ${table} WHERE env_id = ?`).run(envId);
      this.db.prepare('DELETE FROM environments WHERE id = ?').run(envId);
    })();
  }
}
