import type { DagSummary, RunSummary, TaskInstanceSummary } from '../../../src-shared/domain/history';
import { RunState, RunType, TaskState } from '../../../src-shared/domain/states';
import type { RunRecord, TaskInstanceRecord } from './run-rows';

export interface DagRecord {
  env_id: string;
  dag_id: string;
  description: string | null;
  schedule: string | null;
  is_paused: number;
  owners_json: string;
  tags_json: string;
}

/** Parses a JSON array of strings stored by the cache; anything else reads as empty. */
function stringList(json: string): string[] {
  try {
    const value: unknown = JSON.parse(json);
    return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
  } catch {
    return [];
  }
}

/** Values outside the known enums (a newer Airflow) read as the closest neutral state. */
const runState = (s: string): RunState => (RunState.safeParse(s).success ? (s as RunState) : 'queued');
const runType = (s: string): RunType => (RunType.safeParse(s).success ? (s as RunType) : 'manual');
const taskState = (s: string): TaskState => (TaskState.safeParse(s).success ? (s as TaskState) : 'none');

export function toRunSummary(r: RunRecord): RunSummary {
  return {
    envId: r.env_id,
    dagId: r.dag_id,
    runId: r.run_id,
    state: runState(r.state),
    runType: runType(r.run_type),
    logicalDate: r.logical_date,
    queuedAt: r.queued_at,
    startDate: r.start_date,
    endDate: r.end_date,
    durationS: r.duration_s,
    goneUpstream: r.deleted_upstream === 1,
  };
}

export function toTaskInstanceSummary(r: TaskInstanceRecord): TaskInstanceSummary {
  return {
    envId: r.env_id,
    dagId: r.dag_id,
    runId: r.run_id,
    taskId: r.task_id,
    mapIndex: r.map_index,
    state: taskState(r.state),
    tryNumber: r.try_number,
    maxTries: r.max_tries,
    startDate: r.start_date,
    endDate: r.end_date,
    durationS: r.duration_s,
    queuedAt: r.queued_at,
    hostname: r.hostname,
    operator: r.operator,
    pool: r.pool,
  };
}

export function toDagSummary(
  d: DagRecord,
  last: { state: string; at: string | null } | undefined,
  counts: { runs24h: number; failed24h: number; failed7d: number },
): DagSummary {
  return {
    envId: d.env_id,
    dagId: d.dag_id,
    description: d.description,
    schedule: d.schedule,
    isPaused: d.is_paused === 1,
    owners: stringList(d.owners_json),
    tags: stringList(d.tags_json),
    lastRunState: last ? runState(last.state) : null,
    lastRunAt: last?.at ?? null,
    ...counts,
  };
}
