import Database from 'better-sqlite3';
import { quotedTable, USER_TABLES } from './user-tables';

/** Rows put back per table, and the files read (the damaged cache first, then snapshots, newest first). */
export interface RescueReport {
  readonly restored: Readonly<Record<string, number>>;
  readonly sources: readonly string[];
}

function columns(db: Database.Database, table: string): string[] {
  return (db.prepare(`PRAGMA table_info(${quotedTable(table)})`).all() as Array<{ name: string }>).map((c) => c.name);
}

/**
 * Copies every readable user-authored row from `sources` into the fresh cache
 * `db` (INSERT OR IGNORE: a row already restored from an earlier source
 * wins). A damaged source is read as far as it goes: the rows before a
 * damaged page are kept and the next source fills in the rest. The Demo's
 * own environment row is not restored (the Demo is built again); foreign keys
 * are off during the copy, since a parent may come from another source.
 */
export function rescueUserData(db: Database.Database, sources: readonly string[]): RescueReport {
  const restored: Record<string, number> = {};
  const read: string[] = [];
  db.pragma('foreign_keys = OFF');
  try {
    for (const source of sources) {
      let from: Database.Database;
      try {
        from = new Database(source, { readonly: true, fileMustExist: true });
      } catch {
        continue;
      }
      try {
        for (const table of USER_TABLES) restored[table] = (restored[table] ?? 0) + copyTable(from, db, table);
        read.push(source);
      } finally {
        from.close();
      }
    }
  } finally {
    db.pragma('foreign_keys = ON');
  }
  return { restored, sources: read };
}

function copyTable(from: Database.Database, to: Database.Database, table: string): number {
  let shared: string[];
  try {
    const target = new Set(columns(to, table));
    shared = columns(from, table).filter((c) => target.has(c));
  } catch {
    return 0; // the source's schema itself is unreadable
  }
  if (shared.length === 0) return 0;
  const list = shared.map((c) => `"${c.replaceAll('"', '""')}"`).join(', ');
  const insert = to.prepare(`INSERT OR IGNORE INTO ${quotedTable(table)} (${list}) VALUES (${shared.map(() => '?').join(', ')})`);
  const skip = table === 'environments' && shared.includes('synthetic') ? shared.indexOf('synthetic') : -1;
  let count = 0;
  const copy = to.transaction((rows: unknown[][]) => {
    for (const row of rows) {
      if (skip >= 0 && row[skip] === 1) continue;
      count += insert.run(...row).changes;
    }
  });
  const batch: unknown[][] = [];
  try {
    for (const row of from
      .prepare(`SELECT ${list} FROM ${quotedTable(table)}`)
      .raw()
      .iterate() as IterableIterator<unknown[]>) {
      batch.push(row);
      if (batch.length >= 500) copy(batch.splice(0));
    }
  } catch {
    // A damaged page: keep what was read before it.
  }
  copy(batch.splice(0));
  return count;
}
