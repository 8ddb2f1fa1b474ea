import type { DagRunRow } from '../cache/rows';

/**
 * The one rule for what the cache holds, used by first, incremental and full
 * syncs alike (ARCHITECTURE.md, "Airflow connection and sync"):
 *
 * - a run is kept while any of its logical date, run_after, start or end is
 *   inside the window (the last `historyDays` days), and whatever its dates
 *   while it is still active (queued or running);
 * - its task instances, tries and logs are kept with it;
 * - audit events and asset events are kept while their own time is inside the window;
 * - a run Airflow no longer returns (deleted, or pruned by `airflow db clean`)
 *   stays, marked `deleted_upstream`, until it leaves the window like any other.
 */
export const ACTIVE_RUN_STATES: readonly string[] = ['queued', 'running'];

export function retentionStart(now: Date, historyDays: number): string {
  return new Date(now.getTime() - historyDays * 86_400_000).toISOString();
}

type RunDates = Pick<DagRunRow, 'state' | 'logicalDate' | 'runAfter' | 'startDate' | 'endDate'>;

export function keepsRun(run: RunDates, windowStart: string): boolean {
  if (ACTIVE_RUN_STATES.includes(run.state)) return true;
  return [run.logicalDate, run.runAfter, run.startDate, run.endDate].some((at) => at !== null && at >= windowStart);
}

/** The same rule over `dag_runs` columns (NULL dates count as outside, so NOT is safe); bind `@windowStart`. */
export const KEPT_RUN_SQL = `(state IN ('queued', 'running') OR COALESCE(logical_date, '') >= @windowStart
  OR COALESCE(run_after, '') >= @windowStart OR COALESCE(start_date, '') >= @windowStart OR COALESCE(end_date, '') >= @windowStart)`;
