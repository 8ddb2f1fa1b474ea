import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createAirflowSource } from '../../../src-main/services/airflow/create-airflow-source';
import { FIXTURE_ASSET_URI, FIXTURE_FAILURE_MESSAGE } from '../../env/fixtures';
import type { AirflowPeerInfo } from '../../env/airflow';
import { allPages } from '../airflow/all-pages';
import { triggerFixtureRuns, waitForHistory } from '../airflow/history';
import { integrityCheck, snapshotCache } from './cache-snapshot';
import { startFaultProxy } from './fault-proxy';
import { killMidSync } from './kill-mid-sync';
import { ENV_ID, syncIntoCache, type SyncRequest } from './sync-into-cache';

const peers = inject('peers');
const targets = (['af3', 'af2'] as const).flatMap((name) => {
  const info = peers[name];
  return info ? [{ name, info }] : [];
});

const FAST_RETRIES = { timeoutMs: 8000, maxAttempts: 15, backoffBaseMs: 50, backoffCapMs: 400, retryAfterCapMs: 1500 };

describe.skipIf(targets.length === 0).each(targets)('sync against real $name', ({ info }: { info: AirflowPeerInfo }) => {
  const dir = mkdtempSync(join(tmpdir(), 'orc-sync-'));
  const clean = join(dir, 'clean.sqlite');
  const request = (cacheFile: string, extra: Partial<SyncRequest> = {}): SyncRequest => ({
    af: info,
    baseUrl: info.baseUrl,
    cacheFile,
    ...extra,
  });

  beforeAll(async () => {
    const source = createAirflowSource(
      'probe',
      { baseUrl: info.baseUrl, auth: { kind: 'password', ...info.users.admin } },
      info.apiVersion,
    );
    try {
      await waitForHistory(source, await triggerFixtureRuns(info), 300_000);
    } finally {
      await source.close();
    }
  }, 330_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('fills the cache with what the API reports: runs by state, durations, tries, dependencies, assets, the failing log', async () => {
    const report = await syncIntoCache(request(clean));
    expect(report.written.runs).toBeGreaterThan(0);
    const db = new Database(clean, { readonly: true });
    const source = createAirflowSource(
      'probe',
      { baseUrl: info.baseUrl, auth: { kind: 'password', ...info.users.admin } },
      info.apiVersion,
    );
    try {
      const apiRuns = await allPages((p) => source.listRuns(p));
      const cachedRuns = db.prepare('SELECT COUNT(*) FROM dag_runs WHERE env_id = ?').pluck().get(ENV_ID);
      expect(cachedRuns).toBe(apiRuns.length);
      const byState = (rows: { dagId: string; state: string }[]) =>
        rows.reduce<Record<string, number>>(
          (acc, r) => ({ ...acc, [`${r.dagId}:${r.state}`]: (acc[`${r.dagId}:${r.state}`] ?? 0) + 1 }),
          {},
        );
      const cachedByState = db.prepare('SELECT dag_id AS dagId, state FROM dag_runs WHERE env_id = ?').all(ENV_ID) as {
        dagId: string;
        state: string;
      }[];
      expect(byState(cachedByState)).toEqual(byState(apiRuns));

      const apiTis = await source.listTaskInstances({ offset: 0, limit: 100 });
      expect(db.prepare('SELECT COUNT(*) FROM task_instances WHERE env_id = ?').pluck().get(ENV_ID)).toBe(apiTis.total);
      const someTi = apiTis.items.find((t) => t.durationS !== null);
      if (someTi) {
        const cached = db
          .prepare('SELECT duration_s FROM task_instances WHERE env_id = ? AND dag_id = ? AND run_id = ? AND task_id = ? AND map_index = ?')
          .pluck()
          .get(ENV_ID, someTi.dagId, someTi.runId, someTi.taskId, someTi.mapIndex);
        expect(cached).toBeCloseTo(someTi.durationS ?? 0, 3);
      }

      const extract = db
        .prepare("SELECT downstream_json FROM tasks WHERE env_id = ? AND dag_id = 'orc_linear_etl' AND task_id = 'extract'")
        .pluck()
        .get(ENV_ID);
      expect(JSON.parse(String(extract))).toEqual(['transform']);
      const flaky = db
        .prepare("SELECT MAX(try_number) FROM task_instances WHERE env_id = ? AND dag_id = 'orc_flaky_retry'")
        .pluck()
        .get(ENV_ID);
      expect(flaky).toBeGreaterThanOrEqual(2);
      const log = db
        .prepare("SELECT content FROM task_logs WHERE env_id = ? AND dag_id = 'orc_always_fails'")
        .pluck()
        .all(ENV_ID) as string[];
      expect(log.join('\n')).toContain(FIXTURE_FAILURE_MESSAGE);
      const links = db.prepare('SELECT dag_id, role FROM asset_links WHERE env_id = ? AND uri = ?').all(ENV_ID, FIXTURE_ASSET_URI);
      expect(links).toEqual(expect.arrayContaining([expect.objectContaining({ dag_id: 'orc_asset_producer', role: 'producer' })]));
      expect(links).toEqual(expect.arrayContaining([expect.objectContaining({ dag_id: 'orc_asset_consumer', role: 'consumer' })]));
    } finally {
      db.close();
      await source.close();
    }
  });

  it('a second sync with no change upstream writes nothing and asks once per resource', async () => {
    // A sync re-reads what changed in the 5 minutes before the last one began (late updates); on a peer that other tests
    // just used (the scenario finishes hundreds of runs) that is several pages. Without the overlap, "no change" is exact.
    const exact = { options: { overlapMs: 0 } };
    await syncIntoCache(request(clean, exact));
    const report = await syncIntoCache(request(clean, exact));
    const { event_logs: _audit, ...history } = report.written;
    expect(history).toEqual(Object.fromEntries(Object.keys(history).map((k) => [k, 0])));
    expect(report.requests).toBeLessThanOrEqual(12);
  });

  it('converges to the same cache through a proxy that drops, fails, stalls, throttles and truncates', async () => {
    const proxy = await startFaultProxy({ target: info.baseUrl, seed: 42, rate: 0.25, stallMs: 9000 });
    try {
      const faulty = join(dir, 'faulty.sqlite');
      await syncIntoCache(request(faulty, { baseUrl: proxy.url, transport: FAST_RETRIES }));
      await syncIntoCache(request(clean));
      expect(snapshotCache(faulty, ENV_ID)).toEqual(snapshotCache(clean, ENV_ID));
      expect(proxy.counts.forwarded).toBeGreaterThan(0);
      expect(
        proxy.counts.drop +
          proxy.counts['500'] +
          proxy.counts['502'] +
          proxy.counts['503'] +
          proxy.counts['429'] +
          proxy.counts.truncate +
          proxy.counts.stall,
      ).toBeGreaterThan(3);
      expect(integrityCheck(faulty)).toBe('ok');
    } finally {
      await proxy.close();
    }
  }, 300_000);

  it('converges after the sync process is killed mid-way and started again', async () => {
    const killed = join(dir, 'killed.sqlite');
    const point = await killMidSync(request(killed));
    // The kill landed mid-sync: runs were written, the task-instance listing had not landed.
    expect(point.childExit).toBeNull(); // killed by the signal, not exited
    expect(point.runs).toBeGreaterThan(0);
    expect(point.tiCursor).toBeNull();
    expect(integrityCheck(killed)).toBe('ok');
    await syncIntoCache(request(killed));
    await syncIntoCache(request(clean));
    expect(snapshotCache(killed, ENV_ID)).toEqual(snapshotCache(clean, ENV_ID));
  }, 300_000);
});
