// Finding 3 of issue 19: the data directory is 0700 and its files 0600, checked and repaired on every start.
import { chmodSync, lstatSync, mkdirSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { DATA_DIR_MODE, DATA_FILE_MODE, secureDataDir, wantedMode } from '../../../src-main/platform/data-dir-permissions';
import { makeTempDir } from '../temp-dir';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((c) => c()));

const modeOf = (path: string): number => statSync(path).mode & 0o777;

describe('data directory permissions', () => {
  it('decides: private entries stay, others lose group and other bits, links are never touched', () => {
    expect(wantedMode('dir', 0o40700)).toBeNull();
    expect(wantedMode('file', 0o100600)).toBeNull();
    expect(wantedMode('file', 0o100400)).toBeNull();
    expect(wantedMode('dir', 0o40755)).toBe(DATA_DIR_MODE);
    expect(wantedMode('file', 0o100644)).toBe(DATA_FILE_MODE);
    expect(wantedMode('file', 0o100666)).toBe(0o600);
    expect(wantedMode('link', 0o120777)).toBeNull();
    expect(wantedMode('other', 0o10644)).toBeNull();
  });

  it('repairs a 0755 directory with a 0644 cache (and its -wal, -shm), settings, credentials and logs', () => {
    const t = makeTempDir();
    cleanups.push(t.cleanup);
    const dir = join(t.dir, 'data');
    mkdirSync(dir, { mode: 0o755 });
    chmodSync(dir, 0o755);
    const db = new Database(join(dir, 'cache.sqlite'));
    db.pragma('journal_mode = WAL');
    db.exec('CREATE TABLE t (x); INSERT INTO t VALUES (1)');
    for (const name of ['settings.json', 'credentials.json', 'secret.key', 'engine.log'])
      writeFileSync(join(dir, name), 'x', { mode: 0o644 });
    mkdirSync(join(dir, 'Cache'), { mode: 0o755 });
    writeFileSync(join(t.dir, 'outside.txt'), 'x', { mode: 0o644 });
    chmodSync(join(t.dir, 'outside.txt'), 0o644);
    symlinkSync(join(t.dir, 'outside.txt'), join(dir, 'link'));
    for (const name of ['cache.sqlite', 'cache.sqlite-wal', 'cache.sqlite-shm', 'settings.json']) chmodSync(join(dir, name), 0o644);

    const repairs = secureDataDir(dir, 'linux');

    expect(modeOf(dir)).toBe(0o700);
    for (const name of [
      'cache.sqlite',
      'cache.sqlite-wal',
      'cache.sqlite-shm',
      'settings.json',
      'credentials.json',
      'secret.key',
      'engine.log',
    ]) {
      expect(modeOf(join(dir, name)), name).toBe(0o600);
    }
    expect(modeOf(join(dir, 'Cache'))).toBe(0o700);
    // A link in the folder is not followed: the file it points at keeps its mode.
    expect(lstatSync(join(dir, 'link')).isSymbolicLink()).toBe(true);
    expect(modeOf(join(t.dir, 'outside.txt'))).toBe(0o644);
    expect(repairs.map((r) => r.path)).toContain(join(dir, 'cache.sqlite-wal'));
    // A second start finds nothing to repair.
    expect(secureDataDir(dir, 'linux')).toEqual([]);
    db.close();
  });

  it('creates a missing data directory 0700', () => {
    const t = makeTempDir();
    cleanups.push(t.cleanup);
    const dir = join(t.dir, 'a', 'b');
    secureDataDir(dir, 'linux');
    expect(modeOf(dir)).toBe(0o700);
  });

  it('SQLite gives the -wal and -shm files the mode of a repaired cache file', () => {
    const t = makeTempDir();
    cleanups.push(t.cleanup);
    const file = join(t.dir, 'cache.sqlite');
    new Database(file).close();
    chmodSync(file, 0o644);
    secureDataDir(t.dir, 'linux');
    const db = new Database(file);
    db.pragma('journal_mode = WAL');
    db.exec('CREATE TABLE t (x); INSERT INTO t VALUES (1)');
    expect(modeOf(`${file}-wal`)).toBe(0o600);
    expect(modeOf(`${file}-shm`)).toBe(0o600);
    db.close();
  });
});
