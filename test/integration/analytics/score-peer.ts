/** Syncs a peer into a fresh cache with the app's sync, then runs the app's scoring pass and reads its findings back. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type Database from 'better-sqlite3';
import type { AirflowPeerInfo } from '../../env/airflow';
import type { AnomalyDetail } from '../../../src-shared/domain/analytics';
import { AnalyticsService } from '../../../src-main/services/analytics/analytics-service';
import { openCache } from '../../../src-main/services/cache/open-cache';
import { JobRegistry } from '../../../src-main/services/jobs/job-registry';
import type { SyncReport } from '../../../src-main/services/sync/sync-progress';
import { ENV_ID, syncIntoCache } from '../sync/sync-into-cache';

export interface ScoredPeer {
  readonly db: Database.Database;
  readonly envId: string;
  readonly sync: SyncReport;
  readonly asOf: string;
  /** Every finding the scoring stored, with its detail (series, run ids). */
  readonly findings: AnomalyDetail[];
  readonly syncSeconds: number;
  readonly scoreSeconds: number;
  close(): void;
}

export async function syncAndScore(af: AirflowPeerInfo): Promise<ScoredPeer> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `orc-scenario-af${af.major}-`));
  const cacheFile = path.join(dir, 'cache.sqlite');
  const t0 = Date.now();
  const sync = await syncIntoCache({ af, baseUrl: af.baseUrl, cacheFile });
  const t1 = Date.now();
  const cache = openCache(cacheFile);
  const asOf = new Date().toISOString();
  const service = new AnalyticsService(cache.db, new JobRegistry(() => undefined), () => undefined);
  await service.rescore(ENV_ID, asOf, true);
  const t2 = Date.now();
  const list = service.store.list({ envId: ENV_ID, limit: 10_000 });
  const findings = list.items.map((a) => service.store.get(ENV_ID, a.anomalyId)).filter((a): a is AnomalyDetail => a !== null);
  return {
    db: cache.db,
    envId: ENV_ID,
    sync,
    asOf,
    findings,
    syncSeconds: (t1 - t0) / 1000,
    scoreSeconds: (t2 - t1) / 1000,
    close: () => {
      service.close();
      cache.db.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** One line a person can read in a failure message. */
export function describeFinding(f: AnomalyDetail): string {
  const flagged = f.series.filter((p) => p.flagged).map((p) => p.t);
  return `[${f.kind}] ${f.dagId}.${f.taskId ?? '-'}: ${f.title} | observed: ${f.observed} | expected: ${f.expected} | why: ${f.why} | runs: ${f.runIds.join(',')}${flagged.length ? ` | flagged: ${flagged.join(',')}` : ''}`;
}
