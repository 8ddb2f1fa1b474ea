import { z } from 'zod';
import { DagSummary } from './history';
import { IsoTime } from './ids';
import { RunState } from './states';

/** One recent run of a DAG, for the list's sparkline. */
export const RecentRun = z.object({ runId: z.string(), state: RunState, at: IsoTime.nullable(), durationS: z.number().nullable() });
export type RecentRun = z.infer<typeof RecentRun>;

/** How a DAG ran over the list's window of days. */
export const DagRunStats = z.object({
  /** Runs that finished (success or failed) in the window. */
  finishedRuns: z.number().int(),
  /** Failed ÷ finished runs in the window; null with no finished run. */
  failureRate: z.number().nullable(),
  /** Mean duration of the window's successful runs, in seconds; null with none. */
  meanDurationS: z.number().nullable(),
  /** The newest runs of the window, oldest first (at most the requested count). */
  recent: z.array(RecentRun),
});
export type DagRunStats = z.infer<typeof DagRunStats>;

/** A row of the DAGs list: the overview's summary, its environment's name, and its run statistics. */
export const DagListItem = DagSummary.extend({ envName: z.string(), stats: DagRunStats });
export type DagListItem = z.infer<typeof DagListItem>;

export const DagList = z.object({
  days: z.number().int(),
  runs: z.number().int(),
  dags: z.array(DagListItem),
});
export type DagList = z.infer<typeof DagList>;
