import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { AirflowPeerInfo } from '../../env/airflow';
import { createAirflowSource } from '../../../src-main/services/airflow/create-airflow-source';
import { ONCE_DAG, PeerAdmin, finishedOnceRun, type RawRun } from './peer-admin';
import { snapshotCache } from './cache-snapshot';
import { ENV_ID, syncIntoCache } from './sync-into-cache';

const peers = inject('peers');
const targets = (['af3', 'af2'] as const).flatMap((name) => (peers[name] ? [{ name, info: peers[name] }] : []));

/**
 * Issue 14's first finding: an `@once` DAG whose start date is years ago (as in Airflow's
 * example DAGs) makes a run with a 2021 logical date that runs today. The first sync left it
 * out, a "no change" sync then added it, and a full sync marked it deleted upstream.
 */
describe.each(targets)('an @once DAG with a 2021 start date that ran today, on real $name', ({ info }: { info: AirflowPeerInfo }) => {
  const dir = mkdtempSync(join(tmpdir(), 'orc-once-'));
  const cacheFile = join(dir, 'cache.sqlite');
  const request = { af: info, baseUrl: info.baseUrl, cacheFile };
  let run: RawRun;

  beforeAll(async () => {
    const admin = new PeerAdmin(info);
    try {
      run = await finishedOnceRun(admin, 150_000);
      await admin.waitQuiet(120_000);
    } finally {
      await admin.close();
    }
  }, 180_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const cachedRun = (): { logical_date: string | null; start_date: string | null; deleted_upstream: number } | undefined => {
    const db = new Database(cacheFile, { readonly: true });
    try {
      return db
        .prepare('SELECT logical_date, start_date, deleted_upstream FROM dag_runs WHERE env_id = ? AND dag_id = ? AND run_id = ?')
        .get(ENV_ID, ONCE_DAG, run.dag_run_id) as
        | { logical_date: string | null; start_date: string | null; deleted_upstream: number }
        | undefined;
    } finally {
      db.close();
    }
  };

  it('the first sync stores the run, its task instance and every run Airflow has', async () => {
    await syncIntoCache(request);
    const stored = cachedRun();
    expect(stored?.logical_date?.slice(0, 4)).toBe('2021');
    expect(Date.parse(stored?.start_date ?? '')).toBeGreaterThan(Date.now() - 86_400_000);
    const source = createAirflowSource(
      'probe',
      { baseUrl: info.baseUrl, auth: { kind: 'password', ...info.users.admin } },
      info.apiVersion,
    );
    const db = new Database(cacheFile, { readonly: true });
    try {
      const apiRuns = await source.listRuns({ offset: 0, limit: 1 });
      const apiTis = await source.listTaskInstances({ offset: 0, limit: 1 });
      // Every run on the peer is from today or has a date in 2021 and ran today: all are inside the window.
      expect(db.prepare('SELECT COUNT(*) FROM dag_runs WHERE env_id = ?').pluck().get(ENV_ID)).toBe(apiRuns.total);
      expect(db.prepare('SELECT COUNT(*) FROM task_instances WHERE env_id = ?').pluck().get(ENV_ID)).toBe(apiTis.total);
      expect(
        db.prepare('SELECT COUNT(*) FROM task_instances WHERE env_id = ? AND dag_id = ?').pluck().get(ENV_ID, ONCE_DAG),
      ).toBeGreaterThan(0);
    } finally {
      db.close();
      await (source as { close?: () => Promise<void> }).close?.();
    }
  });

  it('a sync with no change upstream reports no change', async () => {
    const report = await syncIntoCache(request);
    const { event_logs: _audit, ...history } = report.written;
    expect(history).toEqual(Object.fromEntries(Object.keys(history).map((k) => [k, 0])));
  });

  it('a full sync keeps the run live and changes nothing', async () => {
    const before = snapshotCache(cacheFile, ENV_ID);
    const report = await syncIntoCache({ ...request, options: { reconcile: true } });
    expect(report.markedDeleted).toBe(0);
    expect(cachedRun()?.deleted_upstream).toBe(0);
    expect(snapshotCache(cacheFile, ENV_ID)).toEqual(before);
  });
});
