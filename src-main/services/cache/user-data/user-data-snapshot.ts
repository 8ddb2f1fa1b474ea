import { createHash } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { quotedTable, USER_TABLES } from './user-tables';

export const BACKUP_DIR_NAME = 'backups';
export const SNAPSHOT_FILE_NAME = 'user-data.sqlite';
/** Snapshots kept: user-data.sqlite, user-data.1.sqlite, user-data.2.sqlite (newest first). */
export const SNAPSHOTS_KEPT = 3;

/** The snapshot files, newest first (only those that exist). */
export function snapshotFiles(dataDir: string): string[] {
  const dir = join(dataDir, BACKUP_DIR_NAME);
  return Array.from({ length: SNAPSHOTS_KEPT }, (_, i) => join(dir, i === 0 ? SNAPSHOT_FILE_NAME : `user-data.${i}.sqlite`)).filter((f) =>
    existsSync(f),
  );
}

/**
 * Copies the user-authored tables (only those: the synced history is rebuilt
 * by a sync) into `backups/user-data.sqlite`, consistent (one read
 * transaction), 0600, rotating the previous snapshots. Small and quick: it
 * runs on start, every few minutes while the user data changes, and on close.
 */
export function snapshotUserData(db: Database.Database, dataDir: string): string {
  const dir = join(dataDir, BACKUP_DIR_NAME);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const tmp = join(dir, `${SNAPSHOT_FILE_NAME}.tmp-${process.pid}`);
  rmSync(tmp, { force: true });
  db.prepare('ATTACH DATABASE ? AS snapshot').run(tmp);
  try {
    const present = new Set(db.prepare("SELECT name FROM main.sqlite_master WHERE type = 'table'").pluck().all() as string[]);
    db.transaction(() => {
      for (const table of USER_TABLES) {
        if (present.has(table)) db.prepare(`CREATE TABLE snapshot.${quotedTable(table)} AS SELECT * FROM main.${quotedTable(table)}`).run();
      }
    })();
  } finally {
    db.prepare('DETACH DATABASE snapshot').run();
  }
  chmodSync(tmp, 0o600);
  for (let i = SNAPSHOTS_KEPT - 1; i > 0; i--) {
    const older = join(dir, `user-data.${i}.sqlite`);
    const newer = join(dir, i === 1 ? SNAPSHOT_FILE_NAME : `user-data.${i - 1}.sqlite`);
    if (existsSync(newer)) renameSync(newer, older);
  }
  const target = join(dir, SNAPSHOT_FILE_NAME);
  renameSync(tmp, target);
  return target;
}

/** A digest of every user-authored row: a new snapshot is written only when it changed. The tables are small. */
export function userDataFingerprint(db: Database.Database): string {
  const present = new Set(db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all() as string[]);
  const hash = createHash('sha256');
  for (const table of USER_TABLES) {
    if (!present.has(table)) continue;
    hash.update(table);
    for (const row of db
      .prepare(`SELECT * FROM ${quotedTable(table)}`)
      .raw()
      .iterate())
      hash.update(JSON.stringify(row));
  }
  return hash.digest('hex');
}
