import { hoursBefore } from '../../history/run-time';

/** How much run history the graph carries: recent runs, and failures for longer. */
export const RECENT_RUN_HOURS = 72;
export const FAILED_RUN_HOURS = 30 * 24;
/** Failure rates, flakiness and mean durations are measured over this window. */
export const STATS_HOURS = 30 * 24;

export interface GraphWindow {
  asOf: string;
  recentSince: string;
  failedSince: string;
  statsSince: string;
}

export function graphWindow(asOf: string): GraphWindow {
  return {
    asOf,
    recentSince: hoursBefore(asOf, RECENT_RUN_HOURS),
    failedSince: hoursBefore(asOf, FAILED_RUN_HOURS),
    statsSince: hoursBefore(asOf, STATS_HOURS),
  };
}
