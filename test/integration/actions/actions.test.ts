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
    envId = (await value<{ environment: { id: string } }>(engine, 'envs.add', { name, color: '#16a34a', baseUrl: proxy.url, auth: admin }))
      .environment.id;
    const viewer = { kind: 'password', username: info.users.viewer.username, password: info.users.viewer.password } as const;
    viewerEnvId = (
      await value<{ environment: { id: string } }>(engine, 'envs.add', {
        name: `Viewer ${info.major}`,
        color: '#2563eb',
        baseUrl: info.baseUrl,
        auth: viewer,
        readOnly: false,
      })
    ).environment.id;
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
    expect(await call(engine, 'actions.execute', { envId, actions: pause, confirmation: name })).toMatchObject({
      ok: false,
      error: { code: 'read_only' },
    });
    expect(proxy.counts.forwarded).toBe(before);
    expect((await dag('orc_branching')).is_paused).toBe(false);
    const audit = await value<{ result: string; action: string }[]>(engine, 'audit.list', { envId });
    expect(audit[0]).toMatchObject({ result: 'refused', action: 'pause_dag' });
  });

  it('previews, then pauses and unpauses a DAG only with a confirmation naming the environment', async () => {
    await value(engine, 'envs.update', { envId, changes: { readOnly: false } });
    const pause = [{ kind: 'pause_dag', dagId: 'orc_branching', paused: true }];
    await value(engine, 'sync.start', { envId });
    const [preview] = await value<{ changes: { from: string | null; to: string }[] }[]>(engine, 'actions.preview', {
      envId,
      actions: pause,
    });
    expect(preview?.changes[0]?.to).toBe('paused');
    expect(await call(engine, 'actions.execute', { envId, actions: pause, confirmation: 'yes' })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    });
    expect((await dag('orc_branching')).is_paused).toBe(false);
    const [done] = await value<{ ok: boolean }[]>(engine, 'actions.execute', { envId, actions: pause, confirmation: name });
    expect(done?.ok).toBe(true);
    expect((await dag('orc_branching')).is_paused).toBe(true);
    await value(engine, 'actions.execute', {
      envId,
      actions: [{ kind: 'pause_dag', dagId: 'orc_branching', paused: false }],
      confirmation: name,
    });
    expect((await dag('orc_branching')).is_paused).toBe(false);
  });

  it("previews a clear with Airflow's own dry run, then clears on confirmation", async () => {
    const http = airflow();
    let runId = '';
    try {
      const body = info.apiVersion === 'v2' ? { logical_date: null } : {};
      const created = (await http.json({ method: 'POST', path: `/api/${info.apiVersion}/dags/orc_always_fails/dagRuns`, body })) as {
        dag_run_id: string;
      };
      runId = created.dag_run_id;
      for (let i = 0; i < 240; i++) {
        const run = (await http.getJson(`/api/${info.apiVersion}/dags/orc_always_fails/dagRuns/${encodeURIComponent(runId)}`)) as {
          state: string;
        };
        if (run.state === 'failed') break;
        await new Promise((resolve) => setTimeout(resolve, 1000));
      }
    } finally {
      await http.close();
    }
    expect(runId).not.toBe('');
    const clear = [{ kind: 'clear_task_instances', dagId: 'orc_always_fails', runId, taskIds: ['validate_schema'], onlyFailed: false }];
    const [preview] = await value<{ fromAirflowDryRun: boolean; changes: { target: string }[] }[]>(engine, 'actions.preview', {
      envId,
      actions: clear,
    });
    expect(preview?.fromAirflowDryRun).toBe(true);
    expect(preview?.changes.some((c) => c.target.includes('validate_schema'))).toBe(true);
    const [done] = await value<{ ok: boolean; message: string }[]>(engine, 'actions.execute', {
      envId,
      actions: clear,
      confirmation: name,
    });
    expect(done).toMatchObject({ ok: true });
  }, 300_000);

  it('explains a duplicate trigger (409) and a user without permission (403)', async () => {
    const runId = `orc-dup-${Date.now()}`;
    const trigger = [{ kind: 'trigger_dag', dagId: 'orc_linear_etl', runId, conf: { source: 'orc-test' } }];
    const [first] = await value<{ ok: boolean }[]>(engine, 'actions.execute', { envId, actions: trigger, confirmation: name });
    expect(first?.ok).toBe(true);
    const [second] = await value<{ ok: boolean; message: string }[]>(engine, 'actions.execute', {
      envId,
      actions: trigger,
      confirmation: name,
    });
    expect(second).toMatchObject({ ok: false, message: expect.stringMatching(/duplicate|409/i) });

    const pause = [{ kind: 'pause_dag', dagId: 'orc_branching', paused: true }];
    const [denied] = await value<{ ok: boolean; message: string; hint?: string }[]>(engine, 'actions.execute', {
      envId: viewerEnvId,
      actions: pause,
      confirmation: `Viewer ${info.major}`,
    });
    expect(denied).toMatchObject({ ok: false, message: expect.stringMatching(/may not/), hint: expect.stringMatching(/role/) });
    expect((await dag('orc_branching')).is_paused).toBe(false);
  });

  const syncAndWait = async (): Promise<void> => {
    const { jobId } = await value<{ jobId: string }>(engine, 'sync.start', { envId });
    for (;;) {
      const job = (await value<{ id: string; state: string }[]>(engine, 'jobs.list', {})).find((j) => j.id === jobId);
      if (job === undefined || job.state !== 'running') return;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  };
  const waitForRun = async (dagId: string, runId: string): Promise<{ state: string; conf: Record<string, unknown> }> => {
    const http = airflow();
    try {
      for (let i = 0; ; i++) {
        const run = (await http.getJson(`/api/${info.apiVersion}/dags/${dagId}/dagRuns/${encodeURIComponent(runId)}`)) as {
          state: string;
          conf: Record<string, unknown>;
        };
        if (run.state === 'success' || run.state === 'failed' || i >= 180) return run;
        await new Promise((resolve) => setTimeout(resolve, 1000));
      }
    } finally {
      await http.close();
    }
  };

  it('refuses a trigger whose conf breaks the DAG params before any request, and triggers with a conf that fits', async () => {
    await syncAndWait();
    const { params } = await value<{ params: { name: string; default: unknown }[] }>(engine, 'actions.triggerParams', {
      envId,
      dagId: 'orc_params',
    });
    expect(Object.fromEntries(params.map((p) => [p.name, p.default]))).toEqual({ rows: 10, mode: 'full', dry: false });

    const before = proxy.counts.forwarded;
    const bad = [{ kind: 'trigger_dag', dagId: 'orc_params', conf: { rows: 5000, mode: 'partial' } }];
    const refusedPreview = await call(engine, 'actions.preview', { envId, actions: bad });
    expect(refusedPreview).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', message: expect.stringMatching(/Nothing was sent to Airflow/) },
    });
    const message = refusedPreview.ok ? '' : refusedPreview.error.message;
    expect(message).toContain('rows must be at most 1000');
    expect(message).toContain('mode must be one of "full", "incremental"');
    expect(await call(engine, 'actions.execute', { envId, actions: bad, confirmation: name })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    });
    expect(proxy.counts.forwarded).toBe(before);
    const audit = await value<{ result: string; action: string; message: string }[]>(engine, 'audit.list', { envId });
    expect(audit[0]).toMatchObject({
      result: 'refused',
      action: 'trigger_dag',
      message: expect.stringMatching(/rows must be at most 1000/),
    });

    const runId = `orc-params-${Date.now()}`;
    const good = [{ kind: 'trigger_dag', dagId: 'orc_params', runId, conf: { rows: 42, mode: 'incremental', dry: true } }];
    const [done] = await value<{ ok: boolean; message: string }[]>(engine, 'actions.execute', { envId, actions: good, confirmation: name });
    expect(done).toMatchObject({ ok: true });
    const run = await waitForRun('orc_params', runId);
    expect(run.conf).toMatchObject({ rows: 42, mode: 'incremental', dry: true });
    expect(run.state).toBe('success');
  }, 300_000);

  it('previews and sets a task-instance note', async () => {
    const runId = `orc-ti-note-${Date.now()}`;
    await value(engine, 'actions.execute', {
      envId,
      actions: [{ kind: 'trigger_dag', dagId: 'orc_linear_etl', runId, conf: {} }],
      confirmation: name,
    });
    await waitForRun('orc_linear_etl', runId);
    const note = `Checked by ORC <b>${info.major}</b> & re-run`;
    const setNote = [{ kind: 'set_task_instance_note', dagId: 'orc_linear_etl', runId, taskId: 'transform', note }];
    const [preview] = await value<{ changes: { target: string; to: string }[] }[]>(engine, 'actions.preview', { envId, actions: setNote });
    expect(preview?.changes[0]).toMatchObject({ target: expect.stringContaining('transform'), to: note });
    const [done] = await value<{ ok: boolean; message: string }[]>(engine, 'actions.execute', {
      envId,
      actions: setNote,
      confirmation: name,
    });
    expect(done).toMatchObject({ ok: true });
    const http = airflow();
    try {
      const ti = (await http.getJson(
        `/api/${info.apiVersion}/dags/orc_linear_etl/dagRuns/${encodeURIComponent(runId)}/taskInstances/transform`,
      )) as { note: string | null };
      expect(ti.note).toBe(note);
    } finally {
      await http.close();
    }
    await syncAndWait();
    const task = await value<{ note: string | null }>(engine, 'tasks.investigate', {
      envId,
      dagId: 'orc_linear_etl',
      runId,
      taskId: 'transform',
      mapIndex: -1,
    });
    expect(task.note).toBe(note);
  }, 300_000);

  it('clears the failed tasks of several runs in one confirmed bulk action, with a result per target', async () => {
    const stamp = Date.now();
    const runIds = [`orc-bulk-a-${stamp}`, `orc-bulk-b-${stamp}`];
    const triggers = runIds.map((runId) => ({ kind: 'trigger_dag', dagId: 'orc_always_fails', runId, conf: {} }));
    await value(engine, 'actions.execute', { envId, actions: triggers, confirmation: name });
    for (const runId of runIds) expect((await waitForRun('orc_always_fails', runId)).state).toBe('failed');
    const bulk = runIds.map((runId) => ({ kind: 'clear_failed_in_run', dagId: 'orc_always_fails', runId }));
    await syncAndWait(); // Airflow 2's dry run names the task instances; their current state comes from the cache
    const previews = await value<{ fromAirflowDryRun: boolean; changes: { target: string; from: string | null }[] }[]>(
      engine,
      'actions.preview',
      { envId, actions: bulk },
    );
    expect(previews.map((p) => p.fromAirflowDryRun)).toEqual([true, true]);
    for (const [i, runId] of runIds.entries())
      expect(previews[i]?.changes).toEqual([
        expect.objectContaining({ target: `orc_always_fails › validate_schema · ${runId}`, from: 'failed' }),
      ]);
    const outcomes = await value<{ ok: boolean; target?: string }[]>(engine, 'actions.execute', {
      envId,
      actions: bulk,
      confirmation: name,
    });
    expect(outcomes).toEqual(runIds.map((runId) => expect.objectContaining({ ok: true, target: `orc_always_fails · ${runId}` })));
    const http = airflow();
    try {
      for (const runId of runIds) {
        const ti = (await http.getJson(
          `/api/${info.apiVersion}/dags/orc_always_fails/dagRuns/${encodeURIComponent(runId)}/taskInstances/validate_schema`,
        )) as { state: string | null };
        expect(ti.state).not.toBe('failed');
      }
    } finally {
      await http.close();
    }
  }, 400_000);

  it('keeps every attempt in the append-only audit log and exports it', async () => {
    const audit = await value<{ result: string }[]>(engine, 'audit.list', {});
    expect(audit.map((a) => a.result)).toEqual(expect.arrayContaining(['refused', 'succeeded', 'failed']));
    const csv = await value<{ text: string }>(engine, 'audit.export', { format: 'csv' });
    expect(csv.text.split('\n')[0]).toBe('id,at,os_user,env_id,env_name,action,targets,result,message,preview');
  });
});
