import type Database from 'better-sqlite3';

/** `history_changed`: when a sync last changed history (part of the scoring fingerprint). */
export type SyncResource = 'runs' | 'task_instances' | 'event_logs' | 'asset_events' | 'reconciled' | 'history_changed';

/** Per environment and resource: the instant from which the next incremental sync asks for changes. */
export class CursorStore {
  constructor(private readonly db: Database.Database) {}

  get(envId: string, resource: SyncResource): string | null {
    const row = this.db.prepare('SELECT cursor FROM sync_cursors WHERE env_id = ? AND resource = ?').get(envId, resource) as
      | { cursor: string }
      | undefined;
    return row?.cursor ?? null;
  }

  set(envId: string, resource: SyncResource, cursor: string): void {
    this.db
      .prepare(
        `INSERT INTO sync_cursors (env_id, resource, cursor, updated_at) VALUES (?, ?, ?, ?)
         ON CONFLICT (env_id, resource) DO UPDATE SET cursor = excluded.cursor, updated_at = excluded.updated_at`,
      )
      .run(envId, resource, cursor, new Date().toISOString());
  }
}
