import type { AirflowSource, RunQuery } from '../airflow/airflow-source';
import type { DagRunRow } from '../cache/rows';
import { walkPages } from './page-walker';
import { ACTIVE_RUN_STATES } from './retention';
import { walkWindow } from './window-walker';

/**
 * Which listing a run came from: `scheduled` runs are due inside the window
 * (run_after, execution_date on Airflow 2), and their task instances come from
 * the cross-DAG listing of the same window; `late` runs are due before the
 * window but ended inside it or are still active (an `@once` DAG with a 2021
 * start date that ran today, a backfill), and their task instances are read
 * run by run.
 */
export type RunOrigin = 'scheduled' | 'late';

/**
 * The retention rule as Airflow queries, which the API cannot OR together:
 * three disjoint listings whose union is every run the cache must hold.
 */
export function keptRunQueries(windowStart: string): Record<'scheduled' | 'ended' | 'active', Omit<RunQuery, 'offset' | 'limit'>> {
  return {
    scheduled: { since: windowStart },
    ended: { before: windowStart, endedSince: windowStart },
    active: { before: windowStart, states: ACTIVE_RUN_STATES },
  };
}

/** How many runs Airflow holds under the rule (three one-row requests). */
export async function countKeptRuns(source: AirflowSource, windowStart: string): Promise<number> {
  const queries = Object.values(keptRunQueries(windowStart));
  const totals = await Promise.all(queries.map((q) => source.listRuns({ ...q, offset: 0, limit: 1 })));
  return totals.reduce((sum, page) => sum + page.total, 0);
}

/**
 * Walks every run the rule keeps: the window in time slices (up to an hour
 * ahead of now, then whatever is due later), then the late runs.
 */
export async function walkKeptRuns(
  source: AirflowSource,
  window: { windowStart: string; now: Date },
  onRuns: (items: DagRunRow[], origin: RunOrigin, done: number, total: number) => void,
  walk: { parallel: number; signal?: AbortSignal | undefined },
): Promise<void> {
  const queries = keptRunQueries(window.windowStart);
  const horizon = new Date(window.now.getTime() + 3_600_000).toISOString();
  let before = 0;
  const count =
    (origin: RunOrigin) =>
    (items: DagRunRow[], done: number, total: number): void =>
      onRuns(items, origin, before + done, before + total);
  before += await walkWindow(
    (p, w) => source.listRuns({ ...p, ...w }),
    count('scheduled'),
    { since: window.windowStart, before: horizon },
    walk,
  );
  before += await walkPages((p) => source.listRuns({ ...p, since: horizon }), count('scheduled'), walk);
  before += await walkPages((p) => source.listRuns({ ...p, ...queries.ended }), count('late'), walk);
  await walkPages((p) => source.listRuns({ ...p, ...queries.active }), count('late'), walk);
}
