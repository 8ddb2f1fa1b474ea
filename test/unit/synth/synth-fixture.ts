import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { openCache } from '../../../src-main/services/cache/open-cache';
import { generateSyntheticHistory, type SynthSummary } from '../../../src-main/services/synth/generate-history';

export const AS_OF = '2026-11-21T10:00:00.000Z';

export interface Generated {
  readonly db: Database.Database;
  readonly summary: SynthSummary;
  /** Closes the database and removes the temp dir. */
  dispose(): void;
}

/** Generates a synthetic history into a fresh cache file in a temp dir. */
export function generate(options: { dags: number; days: number; seed: number; asOf?: string; envId?: string }): Generated {
  const dir = mkdtempSync(join(tmpdir(), 'orc-synth-'));
  const { db } = openCache(join(dir, 'cache.sqlite'));
  const summary = generateSyntheticHistory(db, {
    envId: options.envId ?? 'demo',
    dags: options.dags,
    days: options.days,
    seed: options.seed,
    asOf: options.asOf ?? AS_OF,
  });
  return {
    db,
    summary,
    dispose: () => {
      db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

const TABLES = [
  'environments',
  'dags',
  'tasks',
  'dag_runs',
  'task_instances',
  'task_tries',
  'task_logs',
  'assets',
  'asset_links',
  'asset_events',
  'pools',
  'event_logs',
  'import_errors',
  'synth_labels',
];

/** SHA-256 of every row of every history table, in primary-key order. */
export function contentHash(db: Database.Database): string {
  const hash = createHash('sha256');
  for (const table of TABLES) {
    const pk = (db.prepare(`SELECT name FROM pragma_table_info('${table}') WHERE pk > 0 ORDER BY pk`).all() as { name: string }[]).map(
      (r) => r.name,
    );
    const rows = db
      .prepare(`SELECT * FROM ${table} ORDER BY ${pk.join(', ')}`)
      .raw()
      .all();
    hash.update(table);
    for (const row of rows) hash.update(JSON.stringify(row));
  }
  return hash.digest('hex');
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[mid] ?? NaN) : ((sorted[mid - 1] ?? NaN) + (sorted[mid] ?? NaN)) / 2;
}
