/**
 * Issue 15, Astronomer, Amazon MWAA and Google Cloud Composer against the real Airflow 3 peer. None of the cloud services
 * can be reached from here: each goes through the code users run (the AWS SDK's client and credential chain,
 * google-auth-library) to loopback stand-ins of the service that relay to the peer.
 */
import { writeFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createEngine } from '../../../src-main/engine/create-engine';
import type { Engine } from '../../../src-main/engine/engine';
import { call, waitForJob } from './engine-calls';
import { startFakeMwaa, type FakeMwaa } from './fake-mwaa';
import { startLoopbackProxy, type LoopbackProxy } from './loopback-proxy';
import { serviceAccountKey } from '../../unit/airflow/google-key';
import { makeTempDir } from '../../unit/temp-dir';

const peers = inject('peers');
const REGION = 'eu-west-1';
const ACCESS_KEY = 'AKIAORCINTEGRATION01';

describe('cloud providers on the real Airflow 3', () => {
  const af = peers.af3;
  const tmp = makeTempDir('orc-cloud-providers-');
  let engine: Engine;
  let jwt = '';
  const closers: Array<() => Promise<void>> = [];
  const saved = { ...process.env };

  /** Adds the environment (tested first), syncs it, and pauses then unpauses a DAG with the confirmation naming it. */
  async function connectSyncAct(name: string, baseUrl: string, auth: Record<string, unknown>): Promise<string> {
    const added = await call<{ environment: { id: string; airflowVersion: string } }>(engine, 'envs.add', {
      name,
      color: '#2563eb',
      baseUrl,
      auth,
      readOnly: false,
    });
    expect(added.environment.airflowVersion).toBe(af?.version);
    const envId = added.environment.id;
    const job = await call<{ jobId: string }>(engine, 'sync.start', { envId });
    expect(await waitForJob(engine, job.jobId)).toMatchObject({ state: 'done' });
    const overview = await call<{ dags: { dagId: string }[] }>(engine, 'overview.get', { envId });
    expect(overview.dags.map((d) => d.dagId)).toContain('orc_linear_etl');
    for (const paused of [true, false]) {
      const [outcome] = await call<{ ok: boolean }[]>(engine, 'actions.execute', {
        envId,
        actions: [{ kind: 'pause_dag', dagId: 'orc_linear_etl', paused }],
        confirmation: name,
      });
      expect(outcome?.ok).toBe(true);
    }
    return envId;
  }

  beforeAll(async () => {
    if (!af) throw new Error('the Airflow 3 peer (af3) was not started; the cloud provider tests need it');
    const login = await fetch(`${af.baseUrl}/auth/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(af.users.admin),
    });
    jwt = ((await login.json()) as { access_token: string }).access_token;
    engine = await createEngine({ dataDir: tmp.dir, mode: 'served', version: 'test', demo: false, validateOutput: true });
  });
  afterAll(async () => {
    await engine?.close();
    for (const close of closers) await close();
    process.env = saved;
    tmp.cleanup();
  });

  it('Astronomer: a deployment API token as a bearer on the deployment URL with its path', async () => {
    if (!af) return;
    const proxy: LoopbackProxy = await startLoopbackProxy({
      target: af.baseUrl,
      prefix: '/clx1orc2test3/deployment',
      admit: (req) => (req.headers.authorization === `Bearer ${jwt}` ? null : 401),
    });
    closers.push(() => proxy.close());
    await expect(
      call(engine, 'envs.add', {
        name: 'Astro wrong',
        color: '#2563eb',
        baseUrl: proxy.baseUrl,
        auth: { kind: 'astronomer', token: 'not-the-token' },
      }),
    ).rejects.toMatchObject({
      code: 'unauthorized',
      hint: expect.stringContaining('Deployment API token'),
    });
    const envId = await connectSyncAct('Astro prod', proxy.baseUrl, { kind: 'astronomer', token: jwt });
    expect(proxy.outside).toEqual([]);
    const exported = await call<string>(engine, 'envs.export', { envIds: [envId], format: 'json' });
    expect(JSON.stringify(exported)).not.toContain(jwt);
    expect(JSON.stringify(exported)).toContain('astronomer');
  });

  it('Amazon MWAA: every request through the AWS SDK InvokeRestApi, credentials from the environment', async () => {
    if (!af) return;
    const mwaa: FakeMwaa = await startFakeMwaa({
      peer: af.baseUrl,
      environmentName: 'OrcEnv',
      accessKeyId: ACCESS_KEY,
      region: REGION,
      user: af.users.admin,
    });
    closers.push(() => mwaa.close());
    process.env.AWS_ACCESS_KEY_ID = ACCESS_KEY;
    process.env.AWS_SECRET_ACCESS_KEY = 'orc-integration-secret';
    delete process.env.AWS_PROFILE;
    delete process.env.AWS_SESSION_TOKEN;
    const auth = (environmentName: string) => ({ kind: 'mwaa', region: REGION, environmentName, profile: null, endpointUrl: mwaa.url });
    const webUrl = 'https://0a1b2c3d.c2.airflow.eu-west-1.on.aws';
    await expect(
      call(engine, 'envs.add', { name: 'MWAA wrong', color: '#2563eb', baseUrl: webUrl, auth: auth('NoSuchEnv') }),
    ).rejects.toMatchObject({
      code: 'invalid_input',
      message: `There is no MWAA environment "NoSuchEnv" in ${REGION}.`,
    });
    await connectSyncAct('MWAA prod', webUrl, auth('OrcEnv'));
    expect(mwaa.calls.some((c) => c.method === 'PATCH' && c.path === '/dags/orc_linear_etl')).toBe(true);
    expect(mwaa.calls.some((c) => c.path.startsWith('/dags'))).toBe(true);
  });

  it('Google Cloud Composer: a service-account key, its token endpoint, and the bearer checked in front of Airflow', async () => {
    if (!af) return;
    const issued = new Set<string>();
    const tokenServer = http.createServer((_req, res) => {
      const token = `ya29.orc-composer-${issued.size + 1}`;
      issued.add(token);
      res
        .writeHead(200, { 'content-type': 'application/json' })
        .end(JSON.stringify({ access_token: token, expires_in: 3600, token_type: 'Bearer' }));
    });
    await new Promise<void>((resolve) => tokenServer.listen(0, '127.0.0.1', resolve));
    closers.push(() => new Promise((resolve) => tokenServer.close(() => resolve())));
    const keyFile = join(tmp.dir, 'composer-sa.json');
    writeFileSync(keyFile, serviceAccountKey(`http://127.0.0.1:${(tokenServer.address() as AddressInfo).port}/token`));
    const proxy = await startLoopbackProxy({
      target: af.baseUrl,
      prefix: '/composer',
      admit: (req) => (issued.has((req.headers.authorization ?? '').replace(/^Bearer /, '')) ? null : 401),
      upstreamAuthorization: `Bearer ${jwt}`,
    });
    closers.push(() => proxy.close());
    await connectSyncAct('Composer prod', proxy.baseUrl, { kind: 'composer', keyFile, impersonate: null });
    expect(issued.size).toBe(1);
    expect(proxy.outside).toEqual([]);
  });
});
