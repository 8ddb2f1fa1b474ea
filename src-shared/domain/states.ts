import { z } from 'zod';

/** DAG run states shared by Airflow 2 (/api/v1) and Airflow 3 (/api/v2). */
export const RunState = z.enum(['queued', 'running', 'success', 'failed']);
export type RunState = z.infer<typeof RunState>;

/** Task instance states; `none` stands for Airflow's null ("no status"). */
export const TaskState = z.enum([
  'none',
  'removed',
  'scheduled',
  'queued',
  'running',
  'success',
  'restarting',
  'failed',
  'up_for_retry',
  'up_for_reschedule',
  'upstream_failed',
  'skipped',
  'deferred',
]);
export type TaskState = z.infer<typeof TaskState>;

export const RunType = z.enum(['scheduled', 'manual', 'backfill', 'asset_triggered', 'asset_materialization']);
export type RunType = z.infer<typeof RunType>;
