/**
 * The row types of run history as the cache stores them (snake_case columns of dag_runs, task_instances, task_tries
 * and task_logs). Every read of those tables returns one of these, or a named subset of one; `row-mappers.ts` turns
 * them into the shared domain types.
 */

/** One task instance: the identity Airflow gives it (a run's task, one map index). */
export interface InstanceKey {
  envId: string;
  dagId: string;
  runId: string;
  taskId: string;
  mapIndex: number;
}

export interface RunRecord {
  env_id: string;
  dag_id: string;
  run_id: string;
  state: string;
  run_type: string;
  logical_date: string | null;
  queued_at: string | null;
  start_date: string | null;
  end_date: string | null;
  duration_s: number | null;
  /** 1 when Airflow no longer returns the run; absent from queries that read only live runs. */
  deleted_upstream?: number;
}

/** A run with what only its own page shows: conf, note, version and trigger. */
export interface RunDetailRecord extends RunRecord {
  conf_json: string | null;
  note: string | null;
  dag_version: string | null;
  triggered_by: string | null;
}

export interface TaskInstanceRecord {
  env_id: string;
  dag_id: string;
  run_id: string;
  task_id: string;
  map_index: number;
  state: string;
  try_number: number;
  max_tries: number;
  start_date: string | null;
  end_date: string | null;
  duration_s: number | null;
  queued_at: string | null;
  hostname: string | null;
  operator: string | null;
  pool: string | null;
  /** Absent from queries that read many runs. */
  note?: string | null;
}

/** An earlier try of a task instance (the final try is the task instance row itself). */
export interface TaskTryRecord {
  task_id: string;
  map_index: number;
  try_number: number;
  state: string;
  start_date: string | null;
  end_date: string | null;
  duration_s: number | null;
  hostname: string | null;
}

export interface TaskLogRecord {
  map_index: number;
  try_number: number;
  content: string;
  truncated: number;
  fetched_at: string;
}
