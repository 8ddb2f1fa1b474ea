import { hoursBefore, runTimeOf } from '../run-time';

/**
 * The time window a figure counts. A run is in the window when its run time (started, else queued, else run_after,
 * else logical date: `runTimeOf`) lies between `from` and `to`, both included. A task instance or a try is in the
 * window when its run is: a task that failed just after midnight belongs to the run that started the evening before,
 * so "failed task instances" and "failed runs" of one window always speak of the same runs.
 */
export interface FigureWindow {
  readonly from: string;
  readonly to: string;
}

/** The `hours` up to `to` (an environment's "now"). */
export const hoursUpTo = (to: string, hours: number): FigureWindow => ({ from: hoursBefore(to, hours), to });

/** The `days` up to `to` (an environment's "now"). */
export const daysUpTo = (to: string, days: number): FigureWindow => hoursUpTo(to, 24 * days);

/**
 * SQL: a run that figures count, on table alias `alias`. A run Airflow no longer returns (deleted, or pruned by
 * `airflow db clean`) stays in the cache, marked `deleted_upstream`, and its own pages still show it; no figure
 * counts it, so the counts agree with what Airflow itself lists.
 */
export const countedRun = (alias: string): string => `${alias}.deleted_upstream = 0`;

/** SQL: the run (alias `alias`) of environment @envId is counted and lies in the window @from..@to. */
export const runInWindow = (alias: string): string =>
  `${alias}.env_id = @envId AND ${countedRun(alias)} AND ${runTimeOf(alias)} >= @from AND ${runTimeOf(alias)} <= @to`;

/**
 * SQL: a failed run (alias `alias`) of @envId in the window @from..@to: the "failed runs" of every page. The same
 * window as `runInWindow`, written as "started in it, or never started and queued (else due) in it" so that SQLite
 * reads the few failed runs through dag_runs_by_state instead of every run of the window.
 */
export const failedRunInWindow = (alias: string): string => {
  const notStarted = `COALESCE(${alias}.queued_at, ${alias}.run_after, ${alias}.logical_date)`;
  return `${alias}.env_id = @envId AND ${alias}.state = 'failed' AND ${countedRun(alias)}
    AND ((${alias}.start_date >= @from AND ${alias}.start_date <= @to)
      OR (${alias}.start_date IS NULL AND ${notStarted} >= @from AND ${notStarted} <= @to))`;
};
