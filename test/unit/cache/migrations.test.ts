import { writeFileSync, existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { migrate, MigrationError } from '../../../src-main/services/cache/migrate';
import { migrations } from '../../../src-main/services/cache/migrations';
import { openCache } from '../../../src-main/services/cache/open-cache';
import { makeTempDir } from '../temp-dir';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((c) => c()));
function tempFile(name = 'cache.sqlite'): string {
  const t = makeTempDir();
  cleanups.push(t.cleanup);
  return join(t.dir, name);
}

describe('cache migrations', () => {
  it('migrates a cache made by the first schema to the latest, keeping its data', () => {
    const file = tempFile();
    const first = openCache(file, migrations.slice(0, 1));
    first.db
      .prepare(
        `INSERT INTO environments (id, name, kind, color, created_at) VALUES ('prod', 'Prod', 'airflow3', '#ff0000', '2026-01-01T00:00:00Z')`,
      )
      .run();
    first.db.close();

    const latest = openCache(file);
    const applied = latest.db.prepare('SELECT id FROM schema_migrations ORDER BY id').pluck().all();
    expect(applied).toEqual(migrations.map((m) => m.id));
    expect(latest.db.prepare('SELECT name FROM environments').pluck().get()).toBe('Prod');
    expect(latest.db.prepare("SELECT name FROM sqlite_master WHERE name = 'run_triage'").pluck().get()).toBe('run_triage');
    expect(latest.db.pragma('journal_mode', { simple: true })).toBe('wal');
    latest.db.close();
  });

  it('refuses a cache whose applied migration text differs from this build', () => {
    const file = tempFile();
    openCache(file).db.close();
    const db = new Database(file);
    const altered = migrations.map((m) => (m.id === 1 ? { ...m, sql: `${m.sql}\n-- edited` } : m));
    expect(() => migrate(db, altered)).toThrow(MigrationError);
    db.close();
  });

  it('refuses a cache written by a newer schema instead of damaging it', () => {
    const file = tempFile();
    openCache(file).db.close();
    const db = new Database(file);
    db.prepare("INSERT INTO schema_migrations (id, name, hash, applied_at) VALUES (999, 'future', 'x', 'now')").run();
    db.close();
    expect(() => openCache(file)).toThrow(/newer version/);
  });

  it('rolls back a failing migration as a whole', () => {
    const file = tempFile();
    const broken = [...migrations, { id: 99, name: 'broken', sql: 'CREATE TABLE half_done (x); SELECT * FROM no_such_table;' }];
    expect(() => openCache(file, broken)).toThrow();
    const db = new Database(file);
    expect(db.prepare("SELECT name FROM sqlite_master WHERE name = 'half_done'").get()).toBeUndefined();
    expect(db.prepare('SELECT MAX(id) FROM schema_migrations').pluck().get()).toBe(migrations.at(-1)?.id);
    db.close();
  });

  it('moves a damaged cache aside instead of deleting it, and starts a fresh one', () => {
    const file = tempFile();
    writeFileSync(file, 'this is not a SQLite database, it is garbage '.repeat(200));
    const opened = openCache(file);
    expect(opened.recoveredFrom).not.toBeNull();
    expect(existsSync(opened.recoveredFrom ?? '')).toBe(true);
    expect(readdirSync(join(file, '..')).some((f) => f.includes('.damaged-'))).toBe(true);
    expect(opened.db.prepare('SELECT COUNT(*) FROM environments').pluck().get()).toBe(0);
    opened.db.close();
  });
});
