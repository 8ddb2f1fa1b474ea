import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { openCache } from '../src-main/services/cache/open-cache';
import { generateSyntheticHistory } from '../src-main/services/synth/generate-history';
import type { SynthLabel } from '../src-main/services/synth/label-types';

export const EVAL_AS_OF = '2026-11-21T10:00:00.000Z';

export interface SyntheticEnv {
  readonly db: Database.Database;
  readonly envId: string;
  readonly labels: readonly SynthLabel[];
  readonly dags: number;
  readonly days: number;
  dispose(): void;
}

/** A labelled synthetic environment in a fresh cache file. */
export function syntheticEnv(seed: number, dags: number, days: number, asOf = EVAL_AS_OF): SyntheticEnv {
  const dir = mkdtempSync(join(tmpdir(), 'orc-eval-'));
  const { db } = openCache(join(dir, 'cache.sqlite'));
  const summary = generateSyntheticHistory(db, { envId: 'eval', dags, days, seed, asOf });
  return {
    db,
    envId: 'eval',
    labels: summary.labels,
    dags,
    days,
    dispose: () => {
      db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
