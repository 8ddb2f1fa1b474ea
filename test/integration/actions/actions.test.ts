import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createAirflowClient } from '../../../src-main/services/airflow/create-airflow-client';
import { createEngine } from '../../../src-main/engine/create-engine';
import type { Engine } from '../../../src-main/engine/engine';
import type { AirflowPeerInfo } from '../../env/airflow';
import { makeTempDir } from '../../unit/temp-dir';
import { startFaultProxy, type FaultProxy } from '../sync/fault-proxy';

const peers = inject('peers');
const targets = (['af3', 'af2'] as const).flatMap((name) => (peers[name] ? [{ name, info: peers[name] }] : []));

type Result<T> = { ok: true; value: T } | { ok: false; error: { code: string; message: string; hint?: string } };
const call = async <T>(engine: Engine, name: string, input: unknown): Promise<Result<T>> => (await engine.handle(name, input)) as Result<T>;
async function value<T>(engine: Engine, name: string, input: unknown): Promise<T> {
  const r = await call<T>(engine, name, input);
  if (!r.ok) throw new Error(`${name}: ${r.error.message}`);
  return r.value;
}

describe.skipIf(targets.length === 0).each(targets)('actions on real $name', ({ info }: { info: AirflowPeerInfo }) => {
  const tmp = makeTempDir('orc-actions-');
  let engine: Engine;
  let proxy: FaultProxy;
  let envId = '';
  let viewerEnvId = '';
  const name = `Staging ${info.major}`;
  const admin = { kind: 'password', username: info.users.admin.username, password: info.users.admin.password } as const;
  const airflow = () => createAirflowClient({ baseUrl: info.baseUrl, auth: admin }, info.apiVersion);
  const dag = async (dagId: string): Promise<{ is_paused: boolean }> => {
    const http = airflow();
    try {
      return (await http.getJson(`/api/${info.apiVersion}/dags/${dagId}`)) as { is_paused: boolean };
    } finally {
      await http.close();
    }
  };

  beforeAll(async () => {
    proxy = await startFaultProxy({ target: info.baseUrl, seed: 1, rate: 0, stallMs: 0 });
    engine = await createEngine({ dataDir: tmp.dir, mode: 'served', version: 'test', demo: false, validateOutput: true });
    envId = (await value<{ environment: { id: string } }>(engine, 'envs.add', { name, color: '#16a34a', baseUrl: proxy.url, auth: admin })).environment.id;
    const viewer = { kind: 'password', username: info.users.viewer.username, password: info.users.viewer.password } as const;
    viewerEnvId = (await value<{ environment: { id: string } }>(engine, 'envs.add', { name: `Viewer ${info.major}`, color: '#2563eb', baseUrl: info.baseUrl, auth: viewer, readOnly: false })).environment.id;
  });
  afterAll(async () => {
    await engine.close();
    await proxy.close();
    tmp.cleanup();
  });

  it('refuses actions in a read-only environment without sending anything to Airflow, and audits the attempt', async () => {
    const before = proxy.counts.forwarded;
    const pause = [{ kind: 'pause_dag', dagId: 'orc_branching', paused: true }];
    expect(await call(engine, 'actions.preview', { envId, actions: pause })).toMatchObject({ ok: false, error: { code: 'read_only' } });
    expect(await call(engine, 'actions.execute', { envId, actions: pause, confirmation: name })).toMatchObject({ ok: false, error: { code: 'read_only' } });
    expect(proxy.counts.forwarded).toBe(before);
    expect((await dag('orc_branching')).is_paused).toBe(false);
    const audit = await value<{ result: string; action: string }[]>(engine, 'audit.list', { envId });
    expect(audit[0]).toMatchObject({ result: 'refused', action: 'pause_dag' });
  });

  it('previews, then pauses and unpauses a DAG only with a confirmation naming the environment', async () => {
    await value(engine, 'envs.update', { envId, changes: { readOnly: false } });
    const pause = [{ kind: 'pause_dag', dagId: 'orc_branching', paused: true }];
    await value(engine, 'sync.start', { envId });
    const [preview] = await value<{ changes: { from: string | null; to: string }[] }[]>(engine, 'actions.preview', { envId, actions: pause });
    expect(preview?.changes[0]?.to).toBe('paused');
    expect(await call(engine, 'actions.execute', { envId, actions: pause, confirmation: 'yes' })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect((await dag('orc_branching')).is_paused).toBe(false);
    const [done] = await value<{ ok: boolean }[]>(engine, 'actions.execute', { envId, actions: pause, confirmation: name });
    expect(done?.ok).toBe(true);
    expect((await dag('orc_branching')).is_paused).toBe(true);
    await value(engine, 'actions.execute', { envId, actions: [{ kind: 'pause_dag', dagId: 'orc_branching', paused: false }], confirmation: name });
    expect((await dag('orc_branching')).is_paused).toBe(false);
  });

  it('previews a clear with Airflow\'s own dry run, then clears on confirmation', async () => {
    const http = airflow();
    let runId = '';
    try {
      const body = info.apiVersion === 'v2' ? { logical_date: null } : {};
      const created = (await http.json({ method: 'POST', path: `/api/${info.apiVersion}/dags/orc_always_fails/dagRuns`, body })) as { dag_run_id: string };
      runId = created.dag_run_id;
      for (let i = 0; i < 240; i++) {
        const run = (await http.getJson(`/api/${info.apiVersion}/dags/orc_always_fails/dagRuns/${encodeURIComponent(runId)}`)) as { state: string };
        if (run.state === 'failed') break;
        await new Promise((resolve) => setTimeout(resolve, 1000));
      }
    } finally {
      await http.close();
    }
    expect(runId).not.toBe('');
    const clear = [{ kind: 'clear_task_instances', dagId: 'orc_always_fails', runId, taskIds: ['validate_schema'], onlyFailed: false }];
    const [preview] = await value<{ fromAirflowDryRun: boolean; changes: { target: string }[] }[]>(engine, 'actions.preview', { envId, actions: clear });
    expect(preview?.fromAirflowDryRun).toBe(true);
    expect(preview?.changes.some((c) => c.target.includes('validate_schema'))).toBe(true);
    const [done] = await value<{ ok: boolean; message: string }[]>(engine, 'actions.execute', { envId, actions: clear, confirmation: name });
    expect(done).toMatchObject({ ok: true });
  }, 300_000);

  it('explains a duplicate trigger (409) and a user without permission (403)', async () => {
    const runId = `orc-dup-${Date.now()}`;
    const trigger = [{ kind: 'trigger_dag', dagId: 'orc_linear_etl', runId, conf: { source: 'orc-test' } }];
    const [first] = await value<{ ok: boolean }[]>(engine, 'actions.execute', { envId, actions: trigger, confirmation: name });
    expect(first?.ok).toBe(true);
    const [second] = await value<{ ok: boolean; message: string }[]>(engine, 'actions.execute', { envId, actions: trigger, confirmation: name });
    expect(second).toMatchObject({ ok: false, message: expect.stringMatching(/duplicate|409/i) });

    const pause = [{ kind: 'pause_dag', dagId: 'orc_branching', paused: true }];
    const [denied] = await value<{ ok: boolean; message: string; hint?: string }[]>(engine, 'actions.execute', { envId: viewerEnvId, actions: pause, confirmation: `Viewer ${info.major}` });
    expect(denied).toMatchObject({ ok: false, message: expect.stringMatching(/may not/), hint: expect.stringMatching(/role/) });
    expect((await dag('orc_branching')).is_paused).toBe(false);
  });

  it('keeps every attempt in the append-only audit log and exports it', async () => {
    const audit = await value<{ result: string }[]>(engine, 'audit.list', {});
    expect(audit.map((a) => a.result)).toEqual(expect.arrayContaining(['refused', 'succeeded', 'failed']));
    const csv = await value<{ text: string }>(engine, 'audit.export', { format: 'csv' });
    expect(csv.text.split('\n')[0]).toBe('id,at,os_user,env_id,env_name,action,targets,result,message,preview');
  });
});
