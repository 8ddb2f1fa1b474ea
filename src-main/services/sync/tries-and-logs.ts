import type { AirflowSource, LogExcerpt, TaskInstanceKey } from '../airflow/airflow-source';
import type { TaskInstanceRow, TaskTryRow } from '../cache/rows';

/** Try states whose log the cache keeps (the try failed, or failed and was retried). */
export const NEEDS_LOG: ReadonlySet<string> = new Set(['failed', 'up_for_retry']);

/** A changed task instance's tries and the logs of its failed tries, read from Airflow. */
export interface TriesAndLogs {
  readonly instance: TaskInstanceRow;
  readonly tries: TaskTryRow[];
  readonly logs: { tryNumber: number; excerpt: LogExcerpt }[];
}

/** The one try of a task instance that never retried: the task instance itself, as Airflow's tries listing returns it. */
export function onlyTry(ti: TaskInstanceRow): TaskTryRow {
  const { envId, dagId, runId, taskId, mapIndex, tryNumber, state, startDate, endDate, durationS, hostname } = ti;
  return { envId, dagId, runId, taskId, mapIndex, tryNumber, state, startDate, endDate, durationS, hostname };
}

/**
 * Airflow's tries listing is asked for only when it can hold more than the
 * task instance itself: a second try, a try waiting for its retry (recorded in
 * Airflow's history), or tries stored earlier that may have changed.
 */
export function needsTryListing(ti: TaskInstanceRow, storedTries: boolean): boolean {
  return ti.tryNumber > 1 || ti.state === 'up_for_retry' || storedTries;
}

/**
 * Reads what the cache keeps of a task instance's tries: the tries (one
 * request, or none, see {@link needsTryListing}) and the log of each failed or
 * retried try not cached yet (one request each, asked for together).
 */
export async function readTriesAndLogs(
  source: AirflowSource,
  ti: TaskInstanceRow,
  options: { storedTries: boolean; hasLog: (tryNumber: number) => boolean; logMaxBytes: number },
): Promise<TriesAndLogs> {
  const key: TaskInstanceKey = { dagId: ti.dagId, runId: ti.runId, taskId: ti.taskId, mapIndex: ti.mapIndex };
  const tries = needsTryListing(ti, options.storedTries) ? await source.listTries(key) : [onlyTry(ti)];
  const failed = new Set(tries.filter((t) => NEEDS_LOG.has(t.state)).map((t) => t.tryNumber));
  if (ti.state === 'failed' && ti.tryNumber > 0) failed.add(ti.tryNumber);
  const missing = [...failed].filter((tryNumber) => !options.hasLog(tryNumber));
  const logs = await Promise.all(
    missing.map(async (tryNumber) => ({ tryNumber, excerpt: await source.getLog(key, tryNumber, options.logMaxBytes) })),
  );
  return { instance: ti, tries, logs };
}
