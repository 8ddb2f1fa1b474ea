// Finding 4 of issue 19: what the person wrote (environments, monitoring settings, triage, incidents and notes,
// audit log) survives a damaged or lost cache: snapshots of the user tables, and a rescue from the damaged file.
import { closeSync, existsSync, openSync, rmSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { createEngine } from '../../../src-main/engine/create-engine';
import type { Engine } from '../../../src-main/engine/engine';
import { snapshotFiles } from '../../../src-main/services/cache/user-data/user-data-snapshot';
import { USER_TABLES } from '../../../src-main/services/cache/user-data/user-tables';
import { insertSavedEnvironment } from '../../helpers/saved-environment';
import { makeTempDir } from '../temp-dir';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((c) => c()));

const start = (dataDir: string): Promise<Engine> =>
  createEngine({ dataDir, mode: 'served', version: 'test', demo: false, scoringInProcess: true });

async function must(engine: Engine, name: string, input: unknown): Promise<unknown> {
  const result = await engine.handle(name, input);
  if (!result.ok) throw new Error(`${name}: ${result.error.message}`);
  return result.value;
}

/** Every user-authored row, as text, per table (real environments only). */
function userRows(cacheFile: string): Map<string, Set<string>> {
  const db = new Database(cacheFile, { readonly: true });
  try {
    return new Map(
      USER_TABLES.map((t) => [t, new Set((db.prepare(`SELECT * FROM "${t}"`).raw().all() as unknown[][]).map((r) => JSON.stringify(r)))]),
    );
  } finally {
    db.close();
  }
}

/** A data directory where a person has written one of each kind of record; the engine is closed. */
async function writtenDataDir(): Promise<{ dir: string; before: Map<string, Set<string>> }> {
  const t = makeTempDir();
  cleanups.push(t.cleanup);
  await (await start(t.dir)).close();
  insertSavedEnvironment(join(t.dir, 'cache.sqlite'), { id: 'prod', name: 'Prod', baseUrl: 'http://127.0.0.1:9' });
  const engine = await start(t.dir);
  await must(engine, 'monitoring.save', { envId: 'prod', prometheusUrl: 'http://127.0.0.1:9090' });
  const incident = (await must(engine, 'incidents.create', { envId: 'prod', title: 'Orders export down' })) as { id: string };
  await must(engine, 'incidents.note', { incidentId: incident.id, text: 'The source DB refused connections; paged the DBA.' });
  // Triage and the audit log through a second connection (no synced run to mark, no Airflow to act on).
  const side = new Database(join(t.dir, 'cache.sqlite'));
  side
    .prepare('INSERT INTO run_triage (env_id, dag_id, run_id, seen_at, note, updated_at) VALUES (?, ?, ?, ?, ?, ?)')
    .run('prod', 'orders_export', 'scheduled__2025-01-01', '2025-01-02T00:00:00Z', 'known', '2025-01-02T00:00:00Z');
  side
    .prepare(
      "INSERT INTO audit_log (at, os_user, env_id, env_name, action, targets_json, preview, result, message) VALUES (?, 'me', 'prod', 'Prod', 'pause_dag', '[]', NULL, 'refused', 'read-only')",
    )
    .run('2025-01-02T00:00:00Z');
  side.close();
  await engine.close();
  const before = userRows(join(t.dir, 'cache.sqlite'));
  expect([...before.values()].reduce((n, s) => n + s.size, 0)).toBeGreaterThanOrEqual(5);
  return { dir: t.dir, before };
}

function expectNothingLost(before: Map<string, Set<string>>, after: Map<string, Set<string>>): void {
  for (const [table, rows] of before) {
    for (const row of rows) expect(after.get(table)?.has(row), `${table} ${row}`).toBe(true);
  }
}

/** Garbage over every page but the first: the file opens, and fails its integrity check. */
function corruptPages(file: string): void {
  const size = statSync(file).size;
  const fd = openSync(file, 'r+');
  try {
    for (let at = 4096; at < size; at += 4096) writeSync(fd, Buffer.alloc(512, 0xa5), 0, 512, at + 100);
  } finally {
    closeSync(fd);
  }
}

describe('user-authored records survive the cache', () => {
  it('snapshots the user tables on close, 0600, and rotates them', async () => {
    const { dir } = await writtenDataDir();
    const [newest] = snapshotFiles(dir);
    expect(newest).toBeDefined();
    expect(statSync(newest ?? '').mode & 0o777).toBe(0o600);
    const count = snapshotFiles(dir).length;
    // An unchanged start and close write nothing; a new note writes one more, up to three kept.
    await (await start(dir)).close();
    expect(snapshotFiles(dir)).toHaveLength(count);
    for (let i = 0; i < 3; i++) {
      const engine = await start(dir);
      const [incident] = (await must(engine, 'incidents.list', { envId: 'prod' })) as Array<{ id: string }>;
      await must(engine, 'incidents.note', { incidentId: incident?.id, text: `note ${i}` });
      await engine.close();
    }
    expect(snapshotFiles(dir)).toHaveLength(3);
  });

  it('a damaged cache is moved aside and every user-authored record comes back', async () => {
    const { dir, before } = await writtenDataDir();
    corruptPages(join(dir, 'cache.sqlite'));
    const engine = await start(dir);
    const info = (await must(engine, 'app.info', {})) as { cacheRecovered: string | null };
    expect(info.cacheRecovered).not.toBeNull();
    expect(((await must(engine, 'envs.list', {})) as Array<{ id: string }>).map((e) => e.id)).toContain('prod');
    expect(((await must(engine, 'incidents.list', { envId: 'prod' })) as Array<{ title: string }>).map((i) => i.title)).toContain(
      'Orders export down',
    );
    await engine.close();
    expectNothingLost(before, userRows(join(dir, 'cache.sqlite')));
  });

  it('a deleted cache comes back from the snapshot', async () => {
    const { dir, before } = await writtenDataDir();
    for (const suffix of ['', '-wal', '-shm']) rmSync(join(dir, `cache.sqlite${suffix}`), { force: true });
    await (await start(dir)).close();
    expectNothingLost(before, userRows(join(dir, 'cache.sqlite')));
  });

  it('a damaged newest snapshot costs nothing while the cache is sound, and an older snapshot still rescues', async () => {
    const { dir, before } = await writtenDataDir();
    const [newest] = snapshotFiles(dir);
    writeFileSync(newest ?? '', 'not a database');
    const engine = await start(dir);
    await engine.close();
    expectNothingLost(before, userRows(join(dir, 'cache.sqlite')));
    // Now lose the cache too: the damaged snapshot is skipped, the others answer.
    rmSync(join(dir, 'cache.sqlite'));
    for (const suffix of ['-wal', '-shm']) rmSync(join(dir, `cache.sqlite${suffix}`), { force: true });
    expect(snapshotFiles(dir).length).toBeGreaterThan(1);
    await (await start(dir)).close();
    expectNothingLost(before, userRows(join(dir, 'cache.sqlite')));
  });

  it('damaged settings or credentials files leave the user records alone', async () => {
    const { dir, before } = await writtenDataDir();
    writeFileSync(join(dir, 'settings.json'), '{"version":');
    writeFileSync(join(dir, 'credentials.json'), '{"version":1,"secr');
    await (await start(dir)).close();
    expect(existsSync(join(dir, 'cache.sqlite'))).toBe(true);
    expectNothingLost(before, userRows(join(dir, 'cache.sqlite')));
  });
});
