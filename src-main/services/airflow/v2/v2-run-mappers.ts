import type { DagRunRow, TaskInstanceRow, TaskTryRow } from '../../cache/rows';
import { secondsBetween } from '../read/iso-time';
import type { JsonRecord } from '../read/json-record';
import type { V2DagVersion, V2Run, V2TaskInstance, V2Try } from './v2-schemas';

export function v2RunRow(envId: string, r: JsonRecord<V2Run>): DagRunRow {
  const startDate = r.time('start_date');
  const endDate = r.time('end_date');
  const versions = r.records<V2DagVersion>('dag_versions');
  const versionNumber = versions[versions.length - 1]?.optNum('version_number') ?? null;
  return {
    envId,
    dagId: r.str('dag_id'),
    runId: r.str('dag_run_id'),
    state: r.optStr('state') ?? 'none',
    runType: r.optStr('run_type') ?? 'unknown',
    logicalDate: r.time('logical_date'),
    runAfter: r.time('run_after'),
    queuedAt: r.time('queued_at'),
    startDate,
    endDate,
    durationS: r.optNum('duration') ?? secondsBetween(startDate, endDate),
    confJson: r.jsonText('conf'),
    note: r.optStr('note'),
    dagVersion: versionNumber === null ? null : String(versionNumber),
    triggeredBy: r.optStr('triggered_by'),
  };
}

export function v2TaskInstanceRow(envId: string, t: JsonRecord<V2TaskInstance>): TaskInstanceRow {
  const startDate = t.time('start_date');
  const endDate = t.time('end_date');
  return {
    envId,
    dagId: t.str('dag_id'),
    runId: t.str('dag_run_id'),
    taskId: t.str('task_id'),
    mapIndex: t.optNum('map_index') ?? -1,
    state: t.optStr('state') ?? 'none',
    tryNumber: t.optNum('try_number') ?? 0,
    maxTries: t.optNum('max_tries') ?? 0,
    startDate,
    endDate,
    durationS: t.optNum('duration') ?? secondsBetween(startDate, endDate),
    queuedAt: t.time('queued_when'),
    hostname: t.optStr('hostname'),
    operator: t.optStr('operator_name') ?? t.optStr('operator'),
    pool: t.optStr('pool'),
    queue: t.optStr('queue'),
    executor: t.optStr('executor'),
    note: t.optStr('note'),
  };
}

export function v2TryRow(envId: string, t: JsonRecord<V2Try>): TaskTryRow {
  const startDate = t.time('start_date');
  const endDate = t.time('end_date');
  return {
    envId,
    dagId: t.str('dag_id'),
    runId: t.str('dag_run_id'),
    taskId: t.str('task_id'),
    mapIndex: t.optNum('map_index') ?? -1,
    tryNumber: t.num('try_number'),
    state: t.optStr('state') ?? 'none',
    startDate,
    endDate,
    durationS: t.optNum('duration') ?? secondsBetween(startDate, endDate),
    hostname: t.optStr('hostname'),
  };
}
