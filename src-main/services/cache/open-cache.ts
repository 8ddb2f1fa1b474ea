import { existsSync, mkdirSync, renameSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { migrate } from './migrate';
import { migrations, type Migration } from './migrations';

export interface OpenedCache {
  readonly db: Database.Database;
  readonly file: string;
  /** Where a damaged cache was moved, when one was found on open. */
  readonly recoveredFrom: string | null;
}

function tuned(db: Database.Database): Database.Database {
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  db.pragma('cache_size = -65536');
  return db;
}

function isHealthy(file: string): boolean {
  let db: Database.Database | undefined;
  try {
    db = new Database(file, { fileMustExist: true });
    const result = db.pragma('quick_check', { simple: true });
    return result === 'ok';
  } catch {
    return false;
  } finally {
    db?.close();
  }
}

/** Moves a damaged cache (and its WAL files) aside; it is never deleted. */
function moveAside(file: string): string {
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const target = `${file}.damaged-${stamp}`;
  renameSync(file, target);
  for (const suffix of ['-wal', '-shm']) {
    if (existsSync(file + suffix)) renameSync(file + suffix, target + suffix);
  }
  return target;
}

/**
 * Opens (creating when missing) the SQLite cache in WAL mode and brings its
 * schema up to date. A file that fails `quick_check` is moved aside and a
 * fresh cache is created; the caller tells the user where the old one went.
 */
export function openCache(file: string, schema: readonly Migration[] = migrations): OpenedCache {
  mkdirSync(dirname(file), { recursive: true });
  let recoveredFrom: string | null = null;
  if (existsSync(file) && !isHealthy(file)) recoveredFrom = moveAside(file);
  const db = tuned(new Database(file));
  try {
    migrate(db, schema);
  } catch (error) {
    db.close();
    throw error;
  }
  return { db, file, recoveredFrom };
}
