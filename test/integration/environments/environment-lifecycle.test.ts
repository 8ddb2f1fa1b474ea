import { readFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { AirflowHttpClient } from '../../../src-main/services/airflow/http/airflow-http-client';
import { authProviderFor } from '../../../src-main/services/airflow/create-airflow-client';
import { createEngine } from '../../../src-main/engine/create-engine';
import type { Engine } from '../../../src-main/engine/engine';
import { call, waitForJob } from './engine-calls';
import type { AirflowPeerInfo } from '../../env/airflow';
import { makeTempDir } from '../../unit/temp-dir';

const peers = inject('peers');
const targets = (['af3', 'af2'] as const).flatMap((name) => (peers[name] ? [{ name, info: peers[name] }] : []));

describe.skipIf(targets.length === 0).each(targets)('environments against real $name', ({ info }: { info: AirflowPeerInfo }) => {
  const tmp = makeTempDir('orc-envs-');
  let engine: Engine;
  let htmlServer: http.Server;
  let htmlUrl = '';
  const admin = { kind: 'password', username: info.users.admin.username, password: info.users.admin.password } as const;
  const draft = (extra: Record<string, unknown> = {}) => ({
    name: `Peer ${info.major}`,
    color: '#2563eb',
    baseUrl: info.baseUrl,
    auth: admin,
    ...extra,
  });

  beforeAll(async () => {
    engine = await createEngine({ dataDir: tmp.dir, mode: 'served', version: 'test', demo: false, validateOutput: true });
    htmlServer = http.createServer((_req, res) =>
      res.writeHead(200, { 'content-type': 'text/html' }).end('<html><body>Welcome to nginx!</body></html>'),
    );
    await new Promise<void>((resolve) => htmlServer.listen(0, '127.0.0.1', resolve));
    htmlUrl = `http://127.0.0.1:${(htmlServer.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await engine.close();
    htmlServer.close();
    tmp.cleanup();
  });

  it('refuses a wrong password, an HTML page and a closed port with precise messages, and saves nothing', async () => {
    await expect(call(engine, 'envs.add', draft({ auth: { ...admin, password: 'wrong-password' } }))).rejects.toMatchObject({
      code: 'unauthorized',
    });
    await expect(call(engine, 'envs.add', draft({ baseUrl: htmlUrl }))).rejects.toMatchObject({
      code: 'invalid_input',
      message: expect.stringMatching(/not.*Airflow/i),
    });
    await expect(call(engine, 'envs.add', draft({ baseUrl: 'http://127.0.0.1:9' }))).rejects.toMatchObject({
      code: 'unavailable',
      message: expect.stringMatching(/refused/i),
    });
    expect(await call(engine, 'envs.list', {})).toEqual([]);
    expect(() => readFileSync(join(tmp.dir, 'credentials.json'), 'utf8')).toThrow();
  });

  it('adds an environment whose test passes, detects the version, and keeps the password out of the cache and the UI', async () => {
    const added = await call<{ environment: { id: string; airflowVersion: string; credentialsConfigured: boolean; readOnly: boolean } }>(
      engine,
      'envs.add',
      draft(),
    );
    expect(added.environment).toMatchObject({ airflowVersion: info.version, credentialsConfigured: true, readOnly: true });
    const everything =
      JSON.stringify(await call(engine, 'envs.list', {})) +
      JSON.stringify(await call(engine, 'envs.settings', { envId: added.environment.id }));
    expect(everything).not.toMatch(/"(password|token)":/);
    expect(readFileSync(join(tmp.dir, 'credentials.json'), 'utf8')).not.toContain(`"${info.users.admin.password}"`);
    expect(readFileSync(join(tmp.dir, 'cache.sqlite')).includes(Buffer.from(`"password":"${info.users.admin.password}"`))).toBe(false);
  });

  it('syncs into the cache, and a change upstream shows up after the next incremental sync', async () => {
    const [env] = await call<{ id: string }[]>(engine, 'envs.list', {});
    const envId = env?.id ?? '';
    const first = await call<{ jobId: string }>(engine, 'sync.start', { envId });
    expect(await waitForJob(engine, first.jobId)).toMatchObject({ state: 'done' });
    const before = await call<{ dags: { dagId: string; isPaused: boolean }[] }>(engine, 'overview.get', { envId });
    expect(before.dags.map((d) => d.dagId)).toContain('orc_linear_etl');
    expect(before.dags.find((d) => d.dagId === 'orc_branching')?.isPaused).toBe(false);

    const http = new AirflowHttpClient({ baseUrl: info.baseUrl }, authProviderFor(admin, info.apiVersion));
    try {
      await http.json({
        method: 'PATCH',
        path: `/api/${info.apiVersion}/dags/orc_branching`,
        ...(info.apiVersion === 'v1' ? { query: { update_mask: 'is_paused' } } : {}),
        body: { is_paused: true },
      });
      const second = await call<{ jobId: string }>(engine, 'sync.start', { envId });
      expect(await waitForJob(engine, second.jobId)).toMatchObject({ state: 'done' });
      const after = await call<{ dags: { dagId: string; isPaused: boolean }[] }>(engine, 'overview.get', { envId });
      expect(after.dags.find((d) => d.dagId === 'orc_branching')?.isPaused).toBe(true);
    } finally {
      await http.json({
        method: 'PATCH',
        path: `/api/${info.apiVersion}/dags/orc_branching`,
        ...(info.apiVersion === 'v1' ? { query: { update_mask: 'is_paused' } } : {}),
        body: { is_paused: false },
      });
      await http.close();
    }
  });

  it('removes an environment with its credentials and history', async () => {
    const [env] = await call<{ id: string }[]>(engine, 'envs.list', {});
    await call(engine, 'envs.remove', { envId: env?.id });
    expect(await call(engine, 'envs.list', {})).toEqual([]);
    expect(readFileSync(join(tmp.dir, 'credentials.json'), 'utf8')).not.toContain(env?.id ?? 'x');
  });
});
