import type Database from 'better-sqlite3';
import { snapshotFiles, snapshotUserData, userDataFingerprint } from './user-data-snapshot';
import { USER_TABLES, quotedTable } from './user-tables';

const EVERY_MS = 5 * 60_000;

function openFingerprint(file: string | undefined, open: (file: string) => Database.Database): string | null {
  if (file === undefined) return null;
  try {
    const db = open(file);
    try {
      return userDataFingerprint(db);
    } finally {
      db.close();
    }
  } catch {
    return null;
  }
}

function isEmpty(db: Database.Database): boolean {
  const present = new Set(db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all() as string[]);
  return USER_TABLES.every((t) => !present.has(t) || db.prepare(`SELECT 1 FROM ${quotedTable(t)} LIMIT 1`).get() === undefined);
}

/**
 * Keeps rotated snapshots of the user-authored tables: one on start, then
 * every five minutes and on close, each only when the user data changed
 * since the newest snapshot and is not empty (an empty cache never rotates a
 * good snapshot away).
 */
export class UserDataBackup {
  private last: string | null;
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly db: Database.Database,
    private readonly dataDir: string,
    open: (file: string) => Database.Database,
    private readonly log: (message: string) => void,
  ) {
    this.last = openFingerprint(snapshotFiles(dataDir)[0], open);
  }

  /** Writes a snapshot when the user data changed; returns whether it did. */
  snapshotIfChanged(): boolean {
    try {
      if (isEmpty(this.db)) return false;
      const now = userDataFingerprint(this.db);
      if (now === this.last) return false;
      snapshotUserData(this.db, this.dataDir);
      this.last = now;
      return true;
    } catch (error) {
      this.log(`The user data snapshot failed: ${error instanceof Error ? error.message : String(error)}`);
      return false;
    }
  }

  start(): void {
    this.snapshotIfChanged();
    this.timer = setInterval(() => this.snapshotIfChanged(), EVERY_MS);
    this.timer.unref();
  }

  close(): void {
    if (this.timer !== null) clearInterval(this.timer);
    this.timer = null;
    this.snapshotIfChanged();
  }
}
