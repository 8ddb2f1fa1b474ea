/**
 * Issue 15, Airflow 3 with the FAB auth manager (apache-airflow-providers-fab): a real Airflow 3 api-server whose users
 * are FAB users (`airflow users create`), started on request (`test/env/lazy-peers.ts`). A FAB user enters what a
 * Simple auth manager user enters, a username and password: FAB answers the same `POST /auth/token` with a JWT.
 * Added, synced, one action confirmed; a wrong password and an inactive user are refused with what to check.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authProviderFor } from '../../../src-main/services/airflow/create-airflow-client';
import { AirflowHttpClient } from '../../../src-main/services/airflow/http/airflow-http-client';
import { createEngine } from '../../../src-main/engine/create-engine';
import type { Engine } from '../../../src-main/engine/engine';
import { airflowAuth } from '../../env/airflow';
import type { FabAirflowPeerInfo } from '../../env/airflow-fab';
import { lazyPeer } from '../../env/lazy-peer';
import { call, waitForJob } from './engine-calls';
import { makeTempDir } from '../../unit/temp-dir';

const NAME = 'Self-hosted FAB';
const DAG = 'orc_branching';

describe('an Airflow 3 with the FAB auth manager', () => {
  const tmp = makeTempDir('orc-fab-auth-');
  let af: FabAirflowPeerInfo;
  let engine: Engine;
  let airflow: AirflowHttpClient;
  const password = (username: string, secret: string) => ({ kind: 'password', username, password: secret }) as const;
  const draft = (auth: ReturnType<typeof password>) => ({ name: NAME, color: '#2563eb', baseUrl: af.baseUrl, auth, readOnly: false });
  const isPaused = async (): Promise<boolean> => ((await airflow.getJson(`/api/v2/dags/${DAG}`)) as { is_paused: boolean }).is_paused;

  beforeAll(async () => {
    af = await lazyPeer('af3fab');
    airflow = new AirflowHttpClient(
      { baseUrl: af.baseUrl },
      authProviderFor(password(af.users.admin.username, af.users.admin.password), 'v2'),
    );
    engine = await createEngine({ dataDir: tmp.dir, mode: 'served', version: 'test', demo: false, validateOutput: true });
  });
  afterAll(async () => {
    await engine?.close();
    await airflow?.close();
    tmp.cleanup();
  });

  it('is the FAB auth manager: its own user API answers, with FAB roles, and its sign-in takes an e-mail too', async () => {
    const users = (await airflow.getJson('/auth/fab/v1/users?limit=10')) as {
      users: { username: string; active: boolean; roles: { name: string }[] }[];
    };
    expect(users.users.map((u) => [u.username, u.active, u.roles.map((r) => r.name)])).toEqual(
      expect.arrayContaining([
        ['admin', true, ['Admin']],
        ['viewer', true, ['Viewer']],
        [af.inactiveUser.username, false, ['Viewer']],
      ]),
    );
    expect(await airflowAuth.airflow3Token(af.baseUrl, { username: 'viewer@orc.invalid', password: af.users.viewer.password })).toMatch(
      /^ey/,
    );
  });

  it('refuses a wrong password and an inactive user with what to check, and saves nothing', async () => {
    for (const auth of [
      password(af.users.admin.username, 'not-the-password'),
      password(af.inactiveUser.username, af.inactiveUser.password),
    ]) {
      await expect(call(engine, 'envs.add', draft(auth))).rejects.toMatchObject({
        message: 'Airflow rejected the credentials (POST /auth/token returned 401).',
        hint: expect.stringMatching(/Check the username and password.*inactive/),
      });
    }
    expect(await call(engine, 'envs.list', {})).toEqual([]);
  });

  it('adds with a FAB username and password, syncs DAGs and runs, and pauses then unpauses a DAG on confirmation', async () => {
    // A run to sync (the peer may be fresh), triggered as the FAB admin.
    await airflow.json({ method: 'POST', path: '/api/v2/dags/orc_linear_etl/dagRuns', body: { logical_date: null, conf: {} } });
    const added = await call<{ environment: { id: string; airflowVersion: string } }>(
      engine,
      'envs.add',
      draft(password(af.users.admin.username, af.users.admin.password)),
    );
    expect(added.environment.airflowVersion).toBe(af.version);
    const envId = added.environment.id;
    const job = await call<{ jobId: string }>(engine, 'sync.start', { envId });
    expect(await waitForJob(engine, job.jobId)).toMatchObject({ state: 'done' });
    const overview = await call<{ dags: { dagId: string }[] }>(engine, 'overview.get', { envId });
    expect(overview.dags.map((d) => d.dagId)).toEqual(expect.arrayContaining(['orc_linear_etl', DAG]));
    const runs = await call<{ dagId: string }[]>(engine, 'runs.list', { envId, dagId: 'orc_linear_etl' });
    expect(runs.length).toBeGreaterThan(0);

    const pause = [{ kind: 'pause_dag', dagId: DAG, paused: true }];
    await expect(call(engine, 'actions.execute', { envId, actions: pause, confirmation: 'yes' })).rejects.toMatchObject({
      code: 'invalid_input',
    });
    expect(await isPaused()).toBe(false);
    const [paused] = await call<{ ok: boolean }[]>(engine, 'actions.execute', { envId, actions: pause, confirmation: NAME });
    expect(paused?.ok).toBe(true);
    expect(await isPaused()).toBe(true);
    const [unpaused] = await call<{ ok: boolean }[]>(engine, 'actions.execute', {
      envId,
      actions: [{ ...pause[0], paused: false }],
      confirmation: NAME,
    });
    expect(unpaused?.ok).toBe(true);
    expect(await isPaused()).toBe(false);
  });
});
