import type { TaskState } from './states';

/** Which state a folded cell (mapped instances, a collapsed task group) shows: the one needing attention most. */
const RANK: Readonly<Record<TaskState, number>> = {
  failed: 12,
  upstream_failed: 11,
  up_for_retry: 10,
  restarting: 9,
  running: 8,
  deferred: 7,
  up_for_reschedule: 6,
  queued: 5,
  scheduled: 4,
  none: 3,
  success: 2,
  skipped: 1,
  removed: 0,
};

export function worseState(a: TaskState | null, b: TaskState): TaskState {
  return a === null || RANK[b] > RANK[a] ? b : a;
}
