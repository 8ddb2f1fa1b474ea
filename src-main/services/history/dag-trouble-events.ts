import type Database from 'better-sqlite3';
import type { TaskTryRecord } from './run-rows';

/** How many failed runs or retried tries one DAG's window lists at most. */
export const TROUBLE_EVENT_LIMIT = 30;

export interface FirstFailedInstance {
  run_id: string;
  task_id: string;
  map_index: number;
  at: string;
}
export interface FailedRunEvent {
  run_id: string;
  at: string | null;
}
export type RetriedTryEvent = Pick<TaskTryRecord, 'task_id' | 'map_index' | 'try_number' | 'state'> & { run_id: string; at: string | null };

/**
 * The trouble of one DAG in a time window [from, to) by start date, as an incident timeline tells it: the first failed
 * task instance, the failed counted runs and the earlier tries that did not succeed. Reads through the time indexes;
 * all SQL fixed, values bound.
 */
export class DagTroubleEvents {
  private readonly firstFailed;
  private readonly failedRuns;
  private readonly retries;

  constructor(db: Database.Database) {
    this.firstFailed = db.prepare(
      `SELECT run_id, task_id, map_index, COALESCE(end_date, start_date) AS at FROM task_instances
       WHERE env_id = ? AND dag_id = ? AND state IN ('failed', 'up_for_retry', 'upstream_failed') AND state = 'failed' AND start_date >= ? AND start_date < ?
       ORDER BY start_date LIMIT 1`,
    );
    this.failedRuns = db.prepare(
      `SELECT run_id, COALESCE(end_date, start_date, queued_at) AS at FROM dag_runs
       WHERE env_id = ? AND dag_id = ? AND state = 'failed' AND start_date >= ? AND start_date < ? AND deleted_upstream = 0
       ORDER BY start_date LIMIT ${TROUBLE_EVENT_LIMIT}`,
    );
    this.retries = db.prepare(
      `SELECT t.run_id, t.task_id, t.map_index, t.try_number, t.state, COALESCE(t.end_date, t.start_date) AS at FROM task_tries t
       JOIN task_instances i ON i.env_id = t.env_id AND i.dag_id = t.dag_id AND i.run_id = t.run_id AND i.task_id = t.task_id AND i.map_index = t.map_index
       WHERE t.env_id = ? AND t.dag_id = ? AND t.start_date >= ? AND t.start_date < ? AND t.state <> 'success' AND t.try_number < i.try_number
       ORDER BY t.start_date LIMIT ${TROUBLE_EVENT_LIMIT}`,
    );
  }

  /** The first task instance that failed, by start date. */
  firstFailedInstance(envId: string, dagId: string, from: string, to: string): FirstFailedInstance | undefined {
    return this.firstFailed.get(envId, dagId, from, to) as FirstFailedInstance | undefined;
  }

  /** Failed counted runs, by start date. */
  failedRunsOf(envId: string, dagId: string, from: string, to: string): FailedRunEvent[] {
    return this.failedRuns.all(envId, dagId, from, to) as FailedRunEvent[];
  }

  /** Earlier tries (below their instance's try) that did not succeed, by start date. */
  retriedTriesOf(envId: string, dagId: string, from: string, to: string): RetriedTryEvent[] {
    return this.retries.all(envId, dagId, from, to) as RetriedTryEvent[];
  }
}
