import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { Migration } from './migrations';

export class MigrationError extends Error {
  constructor(
    message: string,
    readonly migrationId: number,
  ) {
    super(message);
    this.name = 'MigrationError';
  }
}

export function migrationHash(migration: Migration): string {
  return createHash('sha256').update(migration.sql).digest('hex');
}

interface AppliedRow {
  id: number;
  name: string;
  hash: string;
}

/**
 * Applies pending migrations in order, each in its own transaction, and
 * records its hash. An applied migration whose text changed is an error:
 * the cache was written by a different build.
 */
export function migrate(db: Database.Database, list: readonly Migration[]): { applied: number[] } {
  const all = [...list].sort((a, b) => a.id - b.id);
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    id INTEGER PRIMARY KEY, name TEXT NOT NULL, hash TEXT NOT NULL, applied_at TEXT NOT NULL)`);
  const rows = db.prepare('SELECT id, name, hash FROM schema_migrations ORDER BY id').all() as AppliedRow[];
  const done = new Map(rows.map((r) => [r.id, r]));
  const latest = all.at(-1)?.id ?? 0;
  const newest = rows.at(-1)?.id ?? 0;
  if (newest > latest) {
    throw new MigrationError(
      `The cache was written by a newer version of ORC AI Desk (schema ${newest}, this build knows ${latest}).`,
      newest,
    );
  }
  const applied: number[] = [];
  const record = db.prepare('INSERT INTO schema_migrations (id, name, hash, applied_at) VALUES (?, ?, ?, ?)');
  for (const migration of all) {
    const hash = migrationHash(migration);
    const existing = done.get(migration.id);
    if (existing) {
      if (existing.hash !== hash) {
        throw new MigrationError(`Migration ${migration.id} (${migration.name}) differs from the one applied to this cache.`, migration.id);
      }
      continue;
    }
    db.transaction(() => {
      db.exec(migration.sql);
      record.run(migration.id, migration.name, hash, new Date().toISOString());
    })();
    applied.push(migration.id);
  }
  return { applied };
}
