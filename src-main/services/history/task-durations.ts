import type Database from 'better-sqlite3';
import type { TaskInstanceRecord } from './run-rows';

/** A successful task instance's duration, by the instance's start (never null in these rows). */
export type SuccessfulDuration = Pick<TaskInstanceRecord, 'run_id'> & { start_date: string; duration_s: number };

/**
 * The successful task instances of one task that started at or after `since`, with a duration, oldest first; every
 * cached run's, counted or not (as the copilot's duration_history has always read them).
 */
export function successfulDurations(
  db: Database.Database,
  envId: string,
  dagId: string,
  taskId: string,
  since: string,
): SuccessfulDuration[] {
  return db
    .prepare(
      `SELECT run_id, start_date, duration_s FROM task_instances
       WHERE env_id = ? AND dag_id = ? AND task_id = ? AND state = 'success' AND duration_s IS NOT NULL AND start_date >= ?
       ORDER BY start_date`,
    )
    .all(envId, dagId, taskId, since) as SuccessfulDuration[];
}
