import type Database from 'better-sqlite3';
import type { EnvironmentStore } from '../cache/environment-store';
import type { JobRegistry } from '../jobs/job-registry';
import { generateSyntheticHistory } from '../synth/generate-history';

export const DEMO_ENV_ID = 'demo';
export const DEMO_DAGS = 25;
export const DEMO_DAYS = 90;
export const DEMO_SEED = 20261122;

/** The demo's "now": the start of the current hour, so a fresh demo always ends at the present. */
export function defaultDemoAsOf(now = new Date()): string {
  const hour = new Date(now);
  hour.setUTCMinutes(0, 0, 0);
  return hour.toISOString();
}

/**
 * With no environment configured, fills the cache with the built-in Demo:
 * deterministic synthetic Airflow history ending at `asOf`. All of it lands
 * in one transaction, so a crash never leaves half a demo behind.
 */
export function ensureDemoEnvironment(db: Database.Database, environments: EnvironmentStore, jobs: JobRegistry, asOf: string): boolean {
  if (environments.list(() => false).length > 0) return false;
  const job = jobs.start('demo', DEMO_ENV_ID, 'Building the Demo environment');
  try {
    db.transaction(() =>
      generateSyntheticHistory(db, {
        envId: DEMO_ENV_ID,
        envName: 'Demo',
        dags: DEMO_DAGS,
        days: DEMO_DAYS,
        seed: DEMO_SEED,
        asOf,
        onProgress: (done, total) => job.progress(done, total),
      }),
    )();
    job.succeed('Demo history ready');
    return true;
  } catch (error) {
    job.fail(`The Demo environment could not be built: ${error instanceof Error ? error.message : String(error)}`);
    throw error;
  }
}
