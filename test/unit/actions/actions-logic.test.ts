import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { AirflowAction } from '../../../src-shared/domain/actions';
import { isProductionColor } from '../../../src-shared/domain/environment';
import { mutationCall } from '../../../src-main/services/actions/airflow-mutations';
import { AuditLog } from '../../../src-main/services/actions/audit-log';
import { openCache } from '../../../src-main/services/cache/open-cache';
import { makeTempDir } from '../temp-dir';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((c) => c()));

describe('actions', () => {
  it('treats red environments as production', () => {
    expect(isProductionColor('#dc2626')).toBe(true);
    expect(isProductionColor('#b91c1c')).toBe(true);
    expect(isProductionColor('#ea580c')).toBe(false);
    expect(isProductionColor('#2563eb')).toBe(false);
    expect(isProductionColor('#64748b')).toBe(false);
  });

  it('sends dry_run true for previews and false only for the confirmed call', () => {
    const clear: AirflowAction = {
      kind: 'clear_task_instances',
      dagId: 'etl',
      runId: 'r1',
      taskIds: ['load'],
      onlyFailed: true,
      includeDownstream: true,
      includeUpstream: false,
      includeFuture: false,
      includePast: false,
    };
    for (const api of ['v1', 'v2'] as const) {
      expect(mutationCall(api, clear, true)?.spec.body).toMatchObject({ dry_run: true });
      expect(mutationCall(api, clear, false)?.spec.body).toMatchObject({ dry_run: false, include_downstream: true });
    }
    expect(
      mutationCall('v2', { kind: 'mark_task_instance', dagId: 'etl', runId: 'r1', taskId: 'load', newState: 'success' }, true)?.spec.path,
    ).toMatch(/\/dry_run$/);
    expect(mutationCall('v2', { kind: 'pause_dag', dagId: 'etl', paused: true }, true)).toBeNull();
  });

  it("sets task-instance notes with each API's own call, mapped instances included", () => {
    const note = (mapIndex: number): AirflowAction => ({
      kind: 'set_task_instance_note',
      dagId: 'etl',
      runId: 'r 1',
      taskId: 'load',
      mapIndex,
      note: 'looked',
    });
    expect(mutationCall('v1', note(-1), true)).toBeNull();
    expect(mutationCall('v1', note(-1), false)?.spec).toEqual({
      method: 'PATCH',
      path: '/api/v1/dags/etl/dagRuns/r%201/taskInstances/load/setNote',
      body: { note: 'looked' },
    });
    expect(mutationCall('v1', note(2), false)?.spec.path).toBe('/api/v1/dags/etl/dagRuns/r%201/taskInstances/load/2/setNote');
    expect(mutationCall('v2', note(-1), false)?.spec).toEqual({
      method: 'PATCH',
      path: '/api/v2/dags/etl/dagRuns/r%201/taskInstances/load',
      query: { update_mask: 'note' },
      body: { note: 'looked' },
    });
    expect(mutationCall('v2', note(2), false)?.spec.query).toEqual({ update_mask: 'note', map_index: '2' });
  });

  it('clears every failed task of a run for bulk clears, previewed by Airflow', () => {
    const clear: AirflowAction = { kind: 'clear_failed_in_run', dagId: 'etl', runId: 'r1' };
    for (const api of ['v1', 'v2'] as const) {
      const preview = mutationCall(api, clear, true);
      expect(preview).toMatchObject({
        airflowDryRun: true,
        spec: {
          method: 'POST',
          path: `/api/${api}/dags/etl/clearTaskInstances`,
          body: { dry_run: true, dag_run_id: 'r1', only_failed: true },
        },
      });
      expect(preview?.spec.body).not.toHaveProperty('task_ids');
      expect(mutationCall(api, clear, false)?.spec.body).toMatchObject({ dry_run: false });
    }
  });

  it('encodes hostile ids in paths', () => {
    const call = mutationCall('v2', { kind: 'pause_dag', dagId: '../../config?x=1#', paused: true }, false);
    expect(call?.spec.path).toBe('/api/v2/dags/..%2F..%2Fconfig%3Fx%3D1%23');
  });

  it('keeps the audit log append-only and neutralises spreadsheet formulas in CSV', () => {
    const t = makeTempDir();
    cleanups.push(t.cleanup);
    const { db } = openCache(join(t.dir, 'cache.sqlite'));
    cleanups.unshift(() => db.close());
    const audit = new AuditLog(db);
    audit.record({
      envId: 'prod',
      envName: 'Prod',
      action: 'pause_dag',
      targets: ['=HYPERLINK("http://evil")'],
      preview: null,
      result: 'succeeded',
      message: 'ok',
    });
    expect(() => db.prepare('DELETE FROM audit_log').run()).toThrow(/append-only/);
    expect(() => db.prepare("UPDATE audit_log SET result = 'failed'").run()).toThrow(/append-only/);
    expect(audit.export(undefined, 'csv')).toContain(`"'=HYPERLINK(""http://evil"")"`);
  });
});

describe("Airflow's event log beside the audit log", () => {
  it('lists the Demo environment events newest first, with bounded extra text', async () => {
    const { createEngine } = await import('../../../src-main/engine/create-engine');
    const t = makeTempDir();
    cleanups.push(t.cleanup);
    const engine = await createEngine({
      dataDir: t.dir,
      mode: 'served',
      version: 'test',
      demoAsOf: '2025-06-02T12:00:00.000Z',
      validateOutput: true,
    });
    await engine.ready; // the Demo is built in the background
    try {
      const result = await engine.handle('audit.airflowEvents', { envId: 'demo', limit: 50 });
      expect(result.ok).toBe(true);
      const events = result.ok ? (result.value as { when: string; event: string }[]) : [];
      expect(events.length).toBeGreaterThan(0);
      expect(events.map((e) => e.when)).toEqual([...events.map((e) => e.when)].sort().reverse());
      expect(await engine.handle('audit.airflowEvents', { envId: 'nowhere', limit: 5 })).toMatchObject({
        ok: false,
        error: { code: 'not_found' },
      });
    } finally {
      await engine.close();
    }
  });
});
