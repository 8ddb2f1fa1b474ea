import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { CACHE_FILE_NAME } from '../../../../src-main/engine/create-engine';

/**
 * What a refused request must not change: the row count and content hash of
 * every cache table, and every other file of the data directory.
 */
export function dataSnapshot(dataDir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const db = new Database(join(dataDir, CACHE_FILE_NAME), { readonly: true, fileMustExist: true });
  try {
    const tables = db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
      .pluck()
      .all() as string[];
    for (const table of tables) {
      const hash = createHash('sha256');
      // Table names come from sqlite_master of our own cache, quoted as identifiers.
      for (const row of db
        .prepare(`SELECT * FROM "${table.replace(/"/g, '""')}"`)
        .raw()
        .iterate())
        hash.update(JSON.stringify(row, (_k, v: unknown) => (Buffer.isBuffer(v) ? v.toString('hex') : v)));
      out[`table ${table}`] = hash.digest('hex');
    }
  } finally {
    db.close();
  }
  for (const name of readdirSync(dataDir)) {
    const path = join(dataDir, name);
    if (name.startsWith(CACHE_FILE_NAME) || !existsSync(path) || !statSync(path).isFile()) continue;
    out[`file ${name}`] = createHash('sha256').update(readFileSync(path)).digest('hex');
  }
  return out;
}
