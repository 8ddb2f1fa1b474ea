import type Database from 'better-sqlite3';
import type { AirflowPeer } from '../../test/env/airflow';
import { createAirflowSource } from '../../src-main/services/airflow/create-airflow-source';
import { EnvironmentStore } from '../../src-main/services/cache/environment-store';
import { openCache } from '../../src-main/services/cache/open-cache';
import { defaultSyncOptions, syncEnvironment } from '../../src-main/services/sync/sync-environment';
import type { SyncProgress, SyncReport } from '../../src-main/services/sync/sync-progress';

export const BENCH_ENV_ID = 'bench-peer';
/** A day more than the loaded history, so the first sync takes all of it. */
const WINDOW_DAYS = 31;

export interface TimedSync {
  readonly report: SyncReport;
  readonly seconds: number;
  /** Per step: seconds and requests until its last progress event, counted from the previous step's. */
  readonly steps: Record<string, { seconds: number; requests: number }>;
}

export interface SyncedCache {
  readonly file: string;
  readonly envId: string;
  readonly db: Database.Database;
  /** The first sync (empty cache), source creation and login included. */
  readonly fullSync: TimedSync;
  /** One more incremental sync with the same source (as the app's scheduler does). */
  syncAgain(): Promise<TimedSync>;
  close(): Promise<void>;
}

/** Opens a fresh cache file, registers the peer and syncs it once (timed). */
export async function createSyncedCache(peer: AirflowPeer, file: string, envId: string): Promise<SyncedCache> {
  const { db } = openCache(file);
  new EnvironmentStore(db).upsert({
    id: envId,
    name: 'Bench peer',
    kind: 'airflow3',
    color: '#2563eb',
    readOnly: true,
    baseUrl: peer.baseUrl,
    airflowVersion: peer.version,
    configJson: '{}',
    synthetic: false,
    asOf: null,
  });
  const started = performance.now();
  const source = createAirflowSource(envId, { baseUrl: peer.baseUrl, auth: { kind: 'password', ...peer.users.admin } }, peer.apiVersion);
  const sync = async (): Promise<TimedSync> => {
    const t0 = performance.now();
    const r0 = source.requestCount();
    const marks = new Map<string, { at: number; requests: number }>();
    const onProgress = ({ step }: SyncProgress): void => void marks.set(step, { at: performance.now(), requests: source.requestCount() });
    const report = await syncEnvironment(source, db, { ...defaultSyncOptions, windowDays: WINDOW_DAYS, onProgress });
    const steps: TimedSync['steps'] = {};
    let prev = { at: t0, requests: r0 };
    for (const [step, mark] of marks) {
      steps[step] = { seconds: Math.round(mark.at - prev.at) / 1000, requests: mark.requests - prev.requests };
      prev = mark;
    }
    return { report, seconds: (performance.now() - t0) / 1000, steps };
  };
  try {
    process.stderr.write('bench: full sync of the loaded Airflow into a fresh cache ...\n');
    const first = await sync();
    const fullSync = { ...first, seconds: (performance.now() - started) / 1000 };
    process.stderr.write(`bench: full sync done in ${fullSync.seconds.toFixed(1)} s, ${first.report.requests} requests\n`);
    return {
      file,
      envId,
      db,
      fullSync,
      syncAgain: sync,
      async close() {
        await source.close();
        db.close();
      },
    };
  } catch (e) {
    await source.close();
    db.close();
    throw e;
  }
}
