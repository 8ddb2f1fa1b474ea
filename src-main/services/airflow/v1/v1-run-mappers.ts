import type { DagRunRow, TaskInstanceRow, TaskTryRow } from '../../cache/rows';
import { secondsBetween } from '../read/iso-time';
import type { JsonRecord } from '../read/json-record';
import type { V1Run, V1TaskInstance } from './v1-schemas';

/** Airflow 2 runs have no duration, queued_at, run_after, dag version or triggered_by. */
export function v1RunRow(envId: string, r: JsonRecord<V1Run>): DagRunRow {
  const startDate = r.time('start_date');
  const endDate = r.time('end_date');
  const logicalDate = r.time('logical_date') ?? r.time('execution_date');
  return {
    envId,
    dagId: r.str('dag_id'),
    runId: r.str('dag_run_id'),
    state: r.optStr('state') ?? 'none',
    runType: r.optStr('run_type') ?? 'unknown',
    logicalDate,
    runAfter: r.time('data_interval_end') ?? logicalDate,
    queuedAt: null,
    startDate,
    endDate,
    durationS: secondsBetween(startDate, endDate),
    confJson: r.jsonText('conf'),
    note: r.optStr('note'),
    dagVersion: null,
    triggeredBy: null,
  };
}

export function v1TaskInstanceRow(envId: string, t: JsonRecord<V1TaskInstance>): TaskInstanceRow {
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
    operator: t.optStr('operator'),
    pool: t.optStr('pool'),
    queue: t.optStr('queue'),
    executor: t.optStr('executor'),
    note: t.optStr('note'),
  };
}

/** `/tries` on Airflow 2.10+ answers TaskInstance objects. */
export function v1TryRow(envId: string, t: JsonRecord<V1TaskInstance>): TaskTryRow {
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
