/**
 * V2Source / V1Source, detection and the connection test against the real Airflow 3 and Airflow 2
 * peers (test/env/global-setup.ts). The same assertions run for both versions.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { AirflowPeerInfo } from '../../env/airflow';
import { FIXTURE_ASSET_URI, FIXTURE_DAG_IDS, FIXTURE_FAILURE_MESSAGE } from '../../env/fixtures';
import { allPages } from './all-pages';
import { createAirflowSource } from '../../../src-main/services/airflow/create-airflow-source';
import { detectAirflow } from '../../../src-main/services/airflow/detect/detect-airflow';
import { testConnection } from '../../../src-main/services/airflow/detect/test-connection';
import type { V1Source } from '../../../src-main/services/airflow/v1/v1-source';
import type { V2Source } from '../../../src-main/services/airflow/v2/v2-source';
import type { DagRunRow, TaskInstanceRow } from '../../../src-main/services/cache/rows';
import { scheduleZone } from '../../../src-main/services/analytics/schedule/dag-timezone';
import { readSchedule } from '../../../src-main/services/analytics/schedule/read-schedule';
import { triggerFixtureRuns, waitForHistory } from './history';
import { startLocalServer } from '../../unit/airflow/local-server';

const peers = inject('peers');
const ISO_Z = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const cases = (
  [
    ['Airflow 3 (v2)', peers.af3],
    ['Airflow 2 (v1)', peers.af2],
  ] as Array<[string, AirflowPeerInfo | undefined]>
).filter((c): c is [string, AirflowPeerInfo] => c[1] !== undefined);

describe.skipIf(cases.length === 0).each(cases)('%s', (_label, af) => {
  const password = (user: 'admin' | 'viewer') => ({ kind: 'password' as const, ...af.users[user] });
  let source: V2Source | V1Source;
  let runs: DagRunRow[];
  let tis: TaskInstanceRow[];
  const windowStart = new Date(Date.now() - 3600_000).toISOString();

  beforeAll(async () => {
    source = createAirflowSource(`it-${af.apiVersion}`, { baseUrl: af.baseUrl, auth: password('admin') }, af.apiVersion);
    const triggered = await triggerFixtureRuns(af);
    runs = await waitForHistory(source, triggered, 270_000);
    const page = await source.listTaskInstances({ offset: 0, limit: 100, since: windowStart });
    tis = page.items;
  }, 300_000);
  afterAll(async () => {
    await source?.close();
  });

  it('detects the API version and the Airflow version', async () => {
    expect(await detectAirflow(af.baseUrl)).toEqual({ apiVersion: af.apiVersion, version: af.version });
  });

  it('tests the connection: admin and viewer read, wrong password is unauthorized', async () => {
    expect(await testConnection({ baseUrl: af.baseUrl, auth: password('admin') })).toMatchObject({
      ok: true,
      apiVersion: af.apiVersion,
      version: af.version,
    });
    const viewer = await testConnection({ baseUrl: af.baseUrl, auth: password('viewer') });
    expect(viewer).toMatchObject({ ok: true });
    expect(viewer.ok && viewer.dagCount).toBeGreaterThanOrEqual(FIXTURE_DAG_IDS.length);
    const wrong = await testConnection({ baseUrl: af.baseUrl, auth: { kind: 'password', username: 'admin', password: 'wrong-password' } });
    expect(wrong).toMatchObject({ ok: false, kind: 'unauthorized', status: 401, apiVersion: af.apiVersion });
    expect(JSON.stringify(wrong)).not.toContain('wrong-password');
    const anonymous = await testConnection({ baseUrl: af.baseUrl, auth: { kind: 'none' } });
    expect(anonymous).toMatchObject({ ok: false, kind: 'unauthorized' });
  });

  it('tests the connection: wrong port is refused, a non-Airflow site is not_airflow', async () => {
    const html = await startLocalServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end('<html><body>not airflow</body></html>');
    });
    const closed = await startLocalServer(() => undefined);
    await closed.close();
    try {
      expect(await testConnection({ baseUrl: closed.baseUrl, auth: password('admin') })).toMatchObject({ ok: false, kind: 'refused' });
      expect(await testConnection({ baseUrl: html.baseUrl, auth: password('admin') })).toMatchObject({ ok: false, kind: 'not_airflow' });
      expect(await testConnection({ baseUrl: 'http://nonexistent.invalid', auth: password('admin') })).toMatchObject({
        ok: false,
        kind: 'dns',
      });
    } finally {
      await html.close();
    }
  });

  it('lists the fixture DAGs with schedule, owners, tags and file', async () => {
    const page = await source.listDags({ offset: 0, limit: 100 });
    expect(page.total).toBeGreaterThanOrEqual(FIXTURE_DAG_IDS.length);
    const ids = page.items.map((d) => d.dagId);
    for (const id of FIXTURE_DAG_IDS) expect(ids).toContain(id);
    const etl = page.items.find((d) => d.dagId === 'orc_linear_etl');
    expect(etl).toMatchObject({
      envId: `it-${af.apiVersion}`,
      isPaused: false,
      owners: ['airflow'],
      description: 'ORC fixture: extract > transform > load',
    });
    expect([...(etl?.tags ?? [])].sort()).toEqual(['etl', 'orc-fixture']);
    expect(etl?.fileloc).toMatch(/orc_linear_etl\.py$/);
    expect(etl?.lastParsed).toMatch(ISO_Z);
    const consumer = page.items.find((d) => d.dagId === 'orc_asset_consumer');
    expect(consumer?.schedule).toBeTruthy(); // asset/dataset schedule summary
  });

  it("reads each DAG's schedule alike on both versions: its kind, Airflow's description, the timezone of its details", async () => {
    const page = await source.listDags({ offset: 0, limit: 100 });
    const kindOf = (dagId: string) => {
      const d = page.items.find((x) => x.dagId === dagId);
      return d ? readSchedule(d.schedule, d.timezone, d.timetableDescription).kind : 'absent';
    };
    expect(kindOf('orc_model_once')).toBe('once');
    expect(kindOf('orc_linear_etl')).toBe('manual');
    expect(kindOf('orc_asset_consumer')).toBe('asset');
    expect(page.items.find((d) => d.dagId === 'orc_model_once')?.timetableDescription).toBeTruthy();
    const details = await source.getDagDetails('orc_linear_etl');
    expect(scheduleZone(details.timezone)).toEqual({ utcOffset: 0 });
  });

  it('pages DAGs with limit and offset until total', async () => {
    const seen: string[] = [];
    let total = Infinity;
    for (let offset = 0; offset < total; offset += 3) {
      const page = await source.listDags({ offset, limit: 3 });
      total = page.total;
      expect(page.items.length).toBeLessThanOrEqual(3);
      seen.push(...page.items.map((d) => d.dagId));
    }
    expect(new Set(seen).size).toBe(total);
  });

  it('lists tasks with dependencies, operator and mapping', async () => {
    const tasks = await source.listTasks('orc_linear_etl');
    const byId = new Map(tasks.map((t) => [t.taskId, t]));
    expect([...byId.keys()].sort()).toEqual(['extract', 'load', 'transform']);
    expect(byId.get('extract')?.downstream).toEqual(['transform']);
    expect(byId.get('transform')?.downstream).toEqual(['load']);
    expect(byId.get('load')?.downstream).toEqual([]);
    expect(byId.get('extract')).toMatchObject({ pool: 'default_pool', retries: 0, triggerRule: 'all_success', isMapped: false });
    expect(byId.get('extract')?.operator).toBeTruthy();
    const mapped = await source.listTasks('orc_mapped');
    expect(mapped.find((t) => t.taskId === 'process')?.isMapped).toBe(true);
  });

  it('lists runs with states, normalised times and durations; filters by updatedSince and since', async () => {
    const failed = runs.find((r) => r.dagId === 'orc_always_fails');
    expect(failed?.state).toBe('failed');
    const etl = runs.find((r) => r.dagId === 'orc_linear_etl');
    expect(etl).toMatchObject({ state: 'success', runType: 'manual' });
    expect(etl?.startDate).toMatch(ISO_Z);
    expect(etl?.endDate).toMatch(ISO_Z);
    expect(etl?.runAfter).toMatch(ISO_Z);
    expect(etl?.durationS).toBeGreaterThan(0);
    if (af.apiVersion === 'v2') {
      expect(etl?.queuedAt).toMatch(ISO_Z);
      expect(etl?.dagVersion).toBe('1');
      expect(etl?.triggeredBy).toBe('rest_api');
    }
    const consumer = runs.find((r) => r.dagId === 'orc_asset_consumer');
    expect(consumer?.runType).toMatch(/^(asset|dataset)_triggered$/);

    const future = new Date(Date.now() + 3600_000).toISOString();
    expect((await source.listRuns({ offset: 0, limit: 100, updatedSince: future })).total).toBe(0);
    const recent = await allPages((p) => source.listRuns({ ...p, updatedSince: windowStart }));
    expect(recent.map((r) => r.runId)).toContain(etl?.runId);
    const windowed = await allPages((p) => source.listRuns({ ...p, since: windowStart }));
    expect(windowed.map((r) => r.runId)).toContain(etl?.runId);
    expect((await source.listRuns({ offset: 0, limit: 100, since: future })).total).toBe(0);
  });

  it('lists task instances: failed task, retried task, mapped instances', async () => {
    // Other test files share these peers and may have run or cleared the fixtures again: assert per run.
    const failed = tis.filter((t) => t.dagId === 'orc_always_fails' && t.taskId === 'validate_schema');
    expect(failed.length).toBeGreaterThan(0);
    expect(failed.some((t) => t.state === 'failed' && t.tryNumber >= 1 && t.mapIndex === -1)).toBe(true);
    const flaky = tis.find((t) => t.dagId === 'orc_flaky_retry' && t.taskId === 'flaky');
    expect(flaky).toMatchObject({ state: 'success', tryNumber: 2, maxTries: 1 });
    expect(flaky?.startDate).toMatch(ISO_Z);
    const mapped = tis.filter((t) => t.dagId === 'orc_mapped' && t.taskId === 'process');
    const mappedRuns = new Set(mapped.map((t) => t.runId));
    expect(mappedRuns.size).toBeGreaterThan(0);
    for (const runId of mappedRuns)
      expect(
        mapped
          .filter((t) => t.runId === runId)
          .map((t) => t.mapIndex)
          .sort(),
      ).toEqual([0, 1, 2]);
    const etlRun = runs.find((r) => r.dagId === 'orc_linear_etl');
    const oneRun = await source.listTaskInstances({ offset: 0, limit: 100, dagId: 'orc_linear_etl', runId: etlRun!.runId });
    expect(oneRun.items.map((t) => t.taskId).sort()).toEqual(['extract', 'load', 'transform']);
    expect(oneRun.items.every((t) => t.state === 'success' && t.queuedAt !== null)).toBe(true);
    const future = new Date(Date.now() + 3600_000).toISOString();
    expect((await source.listTaskInstances({ offset: 0, limit: 100, updatedSince: future })).total).toBe(0);
  });

  it('lists the tries of the flaky task', async () => {
    const flaky = tis.find((t) => t.dagId === 'orc_flaky_retry' && t.taskId === 'flaky');
    const tries = await source.listTries({ dagId: flaky!.dagId, runId: flaky!.runId, taskId: 'flaky', mapIndex: -1 });
    const states = new Map(tries.map((t) => [t.tryNumber, t.state]));
    expect(states.get(1)).toBe('failed');
    expect(tries.every((t) => t.taskId === 'flaky' && t.envId === source.envId)).toBe(true);
  });

  it('reads the failed log, bounded to maxBytes', async () => {
    const failed = tis.find((t) => t.dagId === 'orc_always_fails');
    const key = { dagId: failed!.dagId, runId: failed!.runId, taskId: 'validate_schema', mapIndex: -1 };
    const log = await source.getLog(key, 1, 256 * 1024);
    expect(log.content).toContain(FIXTURE_FAILURE_MESSAGE);
    expect(log.truncated).toBe(false);
    const tail = await source.getLog(key, 1, 200);
    expect(tail.truncated).toBe(true);
    expect(Buffer.byteLength(tail.content)).toBeLessThanOrEqual(200);
    expect(log.content.endsWith(tail.content)).toBe(true);
  });

  it('lists assets with producer and consumer links, and asset events', async () => {
    const assets = await source.listAssets({ offset: 0, limit: 100 });
    const orders = assets.items.find((a) => a.asset.uri === FIXTURE_ASSET_URI);
    expect(orders).toBeDefined();
    expect(orders!.links).toEqual(
      expect.arrayContaining([
        { envId: source.envId, uri: FIXTURE_ASSET_URI, dagId: 'orc_asset_producer', taskId: 'write_orders', role: 'producer' },
        expect.objectContaining({ uri: FIXTURE_ASSET_URI, dagId: 'orc_asset_consumer', role: 'consumer' }),
      ]),
    );
    const events = await source.listAssetEvents({ offset: 0, limit: 100, after: windowStart });
    const producerRun = runs.find((r) => r.dagId === 'orc_asset_producer');
    const event = events.items.find((e) => e.sourceRunId === producerRun?.runId);
    expect(event).toMatchObject({ uri: FIXTURE_ASSET_URI, sourceDagId: 'orc_asset_producer', sourceTaskId: 'write_orders' });
    expect(event?.timestamp).toMatch(ISO_Z);
    const none = await source.listAssetEvents({ offset: 0, limit: 100, after: new Date(Date.now() + 3600_000).toISOString() });
    expect(none.items).toEqual([]);
  });

  it('lists event logs after a cursor, oldest first', async () => {
    const page = await source.listEventLogs({ offset: 0, limit: 100, after: windowStart });
    expect(page.items.length).toBeGreaterThan(0);
    const ids = page.items.map((e) => e.eventId);
    expect([...ids].sort((a, b) => a - b)).toEqual(ids);
    expect(page.items.every((e) => e.when > windowStart && ISO_Z.test(e.when))).toBe(true);
  });

  it('lists pools and import errors', async () => {
    const pools = await source.listPools({ offset: 0, limit: 100 });
    expect(pools.items.find((p) => p.name === 'default_pool')?.slots).toBeGreaterThan(0);
    const errors = await source.listImportErrors({ offset: 0, limit: 100 });
    expect(errors.total).toBe(errors.items.length);
  });

  it('counts requests', async () => {
    const before = source.requestCount();
    await source.listPools({ offset: 0, limit: 10 });
    expect(source.requestCount()).toBe(before + 1);
  });
});
