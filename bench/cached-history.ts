import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { CACHE_FILE_NAME } from '../src-main/engine/create-engine';
import { AnalyticsService } from '../src-main/services/analytics/analytics-service';
import { EnvironmentStore } from '../src-main/services/cache/environment-store';
import { openCache } from '../src-main/services/cache/open-cache';
import { JobRegistry } from '../src-main/services/jobs/job-registry';
import { generateSyntheticHistory } from '../src-main/services/synth/generate-history';

/** The instant every bench history ends, so cached files stay valid across runs. */
export const BENCH_AS_OF = '2026-11-21T10:00:00.000Z';
/** The synthetic environment of the bench histories. */
export const BENCH_ENV = 'bench';
const SEED = 7;

/** Where generated bench data dirs are kept between runs (ORC_BENCH_CACHE overrides). */
export function benchCacheRoot(): string {
  return process.env.ORC_BENCH_CACHE ?? join(homedir(), '.cache', 'orc-ai-desk', 'bench');
}

/**
 * A data dir holding a `cache.sqlite` built once by `build` and kept under
 * the bench cache, keyed by `key` (which must name every parameter). The
 * environments are scored once at build time, so an engine started on the
 * dir later finds the scoring current and leaves the CPU to the views.
 */
export async function cachedDataDir(key: string, build: (db: Database.Database) => void): Promise<string> {
  const dir = join(benchCacheRoot(), key);
  if (existsSync(join(dir, CACHE_FILE_NAME))) return dir;
  const building = `${dir}.building-${process.pid}`;
  rmSync(building, { recursive: true, force: true });
  mkdirSync(building, { recursive: true });
  process.stderr.write(`bench: building ${dir} (once; kept for later runs) ...\n`);
  const started = performance.now();
  const { db } = openCache(join(building, CACHE_FILE_NAME));
  try {
    build(db);
    process.stderr.write(`bench: ${key} written in ${((performance.now() - started) / 1000).toFixed(1)} s, scoring ...\n`);
    await scoreAll(db);
    db.pragma('wal_checkpoint(TRUNCATE)');
  } finally {
    db.close();
  }
  rmSync(dir, { recursive: true, force: true });
  renameSync(building, dir);
  process.stderr.write(`bench: ${key} ready in ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
  return dir;
}

/** Above this many task instances an environment is not scored at build time (hours on a shared 2-core machine). */
const MAX_SCORED_TI = Number(process.env.BENCH_MAX_SCORED_TI ?? 1_000_000);

/**
 * Scores every environment of the file once, as the engine would on its
 * first start. A larger environment is marked as scored with no findings
 * instead, so the engine does not score it during the measurements either:
 * its views then show no anomalies, error patterns or risks.
 */
async function scoreAll(db: Database.Database): Promise<void> {
  const analytics = new AnalyticsService(db, new JobRegistry(() => undefined), () => undefined);
  const store = new EnvironmentStore(db);
  for (const env of store.list(() => false)) {
    const asOf = store.asOf(env.id);
    if (asOf === null) continue;
    const meta = analytics.store.fingerprint(env.id);
    if (meta.tiCount <= MAX_SCORED_TI) {
      await analytics.rescore(env.id, asOf);
      continue;
    }
    process.stderr.write(
      `bench: ${env.id} has ${meta.tiCount} task instances: marked scored without findings (BENCH_MAX_SCORED_TI=${MAX_SCORED_TI})\n`,
    );
    analytics.store.replace(env.id, Date.parse(asOf), [], { patterns: [], byLog: new Map() }, [], { ...meta, modelJson: 'null' });
  }
}

/** The synthetic history the view benches use: 100 DAGs x 90 days, or 500 x 365 with BENCH_FULL=1. */
export function synthSize(): { dags: number; days: number } {
  if (process.env.BENCH_FULL === '1') return { dags: 500, days: 365 };
  return { dags: Number(process.env.VIEWS_BENCH_DAGS ?? 100), days: Number(process.env.VIEWS_BENCH_DAYS ?? 90) };
}

/** A synthetic history of `dags` DAGs over `days` days (the same generator as `npm run synth`). */
export function synthDataDir(dags: number, days: number): Promise<string> {
  return cachedDataDir(`synth-${dags}x${days}-seed${SEED}-${BENCH_AS_OF.slice(0, 10)}`, (db) => {
    generateSyntheticHistory(db, { envId: BENCH_ENV, envName: 'Bench', dags, days, seed: SEED, asOf: BENCH_AS_OF });
  });
}
