/**
 * Issue 15, path prefixes: the real Airflow 3 served at `/team-a/airflow` behind a loopback reverse proxy. Every request
 * (detection, sign-in at /auth/token, the sync) goes under the prefix, and links to Airflow's own UI keep it.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { authProviderFor } from '../../../src-main/services/airflow/create-airflow-client';
import { AirflowHttpClient } from '../../../src-main/services/airflow/http/airflow-http-client';
import { createEngine } from '../../../src-main/engine/create-engine';
import type { Engine } from '../../../src-main/engine/engine';
import { call, waitForJob } from './engine-calls';
import { startLoopbackProxy, type LoopbackProxy } from './loopback-proxy';
import { makeTempDir } from '../../unit/temp-dir';

const peers = inject('peers');
const PREFIX = '/team-a/airflow';

describe('an Airflow 3 behind a reverse proxy at a path prefix', () => {
  const af = peers.af3;
  const tmp = makeTempDir('orc-path-prefix-');
  let engine: Engine;
  let proxy: LoopbackProxy;

  beforeAll(async () => {
    if (!af) throw new Error('the Airflow 3 peer (af3) was not started; the path prefix test needs it');
    proxy = await startLoopbackProxy({ target: af.baseUrl, prefix: PREFIX });
    engine = await createEngine({ dataDir: tmp.dir, mode: 'served', version: 'test', demo: false, validateOutput: true });
  });
  afterAll(async () => {
    await engine?.close();
    await proxy?.close();
    tmp.cleanup();
  });

  it('connects, signs in and syncs under the prefix, and links to runs and tasks in Airflow keep it', async () => {
    const auth = { kind: 'password', username: af?.users.admin.username, password: af?.users.admin.password };
    const added = await call<{ environment: { id: string; airflowVersion: string } }>(engine, 'envs.add', {
      name: 'Team A',
      color: '#2563eb',
      baseUrl: `${proxy.baseUrl}/`,
      auth,
    });
    expect(added.environment.airflowVersion).toBe(af?.version);
    const envId = added.environment.id;
    // A run to link to (the peer may be fresh), triggered through the proxy too.
    const client = new AirflowHttpClient(
      { baseUrl: proxy.baseUrl },
      authProviderFor(auth as { kind: 'password'; username: string; password: string }, 'v2'),
    );
    await client.json({ method: 'POST', path: '/api/v2/dags/orc_linear_etl/dagRuns', body: { logical_date: null, conf: {} } });
    await client.close();
    const job = await call<{ jobId: string }>(engine, 'sync.start', { envId });
    expect(await waitForJob(engine, job.jobId)).toMatchObject({ state: 'done' });
    expect(proxy.outside).toEqual([]);
    expect(proxy.seen).toContain(`${PREFIX}/auth/token`);
    expect(proxy.seen.some((p) => p.startsWith(`${PREFIX}/api/v2/dags`))).toBe(true);

    const runs = await call<{ dagId: string; runId: string }[]>(engine, 'runs.list', { envId, limit: 1 });
    const run = runs[0];
    if (!run) throw new Error('the sync brought no run');
    const investigation = await call<{ airflowUrl: string | null; taskInstances?: unknown }>(engine, 'runs.investigate', {
      envId,
      dagId: run.dagId,
      runId: run.runId,
    });
    expect(investigation.airflowUrl).toBe(`${proxy.baseUrl}/dags/${encodeURIComponent(run.dagId)}/runs/${encodeURIComponent(run.runId)}`);
  });
});
