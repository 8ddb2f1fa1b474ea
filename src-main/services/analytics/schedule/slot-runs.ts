import type { RunInfo } from '../history-types';
import { inPause, type PauseSpan } from './pause-spans';
import type { SlotSequence } from './slot-sequence';

/** A run that took a slot of the schedule, with what decides whether it was late. */
export interface SlotRun {
  readonly run: RunInfo;
  /** When the slot was due (Airflow's run_after; the logical date where it has none). */
  readonly dueMs: number;
  /** When the scheduler created the run (queued; started on Airflow 2, which has no queued time). */
  readonly createdMs: number;
  /** A backfill run: created on purpose for a past slot, never late. */
  readonly backfill: boolean;
  /**
   * Never late: a backfill; the DAG's first catch-up (its first run, or a run whose every earlier run was caught
   * up with it: a new DAG with a start_date in the past); a catch-up run of a slot due while the DAG was paused;
   * a run cleared and run again after a later slot's run had been created.
   */
  readonly excused: boolean;
  /** Created only after the next slot was due too (one of several slots caught up at once). */
  readonly catchUp: boolean;
}

/** A run created this long before a later slot's run was created again on purpose (cleared, re-run). */
const RECREATED_MS = 5 * 60_000;

const isBackfill = (r: RunInfo): boolean => r.runType === 'backfill' || r.runId.startsWith('backfill__');

/**
 * The runs that took the schedule's slots (scheduled and backfill runs; manual and asset-triggered runs take
 * none), ordered by due time, one per slot, each classified against the slots around it.
 */
export function slotRuns(runs: readonly RunInfo[], slots: SlotSequence, pauses: readonly PauseSpan[] = []): SlotRun[] {
  const byDue = new Map<number, RunInfo>();
  for (const r of runs) {
    if (r.runType !== 'scheduled' && !isBackfill(r)) continue;
    const due = Number.isFinite(r.runAfterMs) ? r.runAfterMs : r.logicalMs;
    if (!Number.isFinite(due)) continue;
    const had = byDue.get(due);
    if (had === undefined || (isBackfill(had) && !isBackfill(r))) byDue.set(due, r);
  }
  const ordered = [...byDue.entries()].sort((a, b) => a[0] - b[0]);
  const created = ordered.map(([, r]) => (Number.isFinite(r.queuedMs) ? r.queuedMs : r.startMs));
  // Earliest creation among the runs of later slots: a run created after that was cleared and run again.
  const laterCreated = new Float64Array(ordered.length + 1).fill(Infinity);
  for (let i = ordered.length - 1; i >= 0; i--)
    laterCreated[i] = Math.min(laterCreated[i + 1] ?? Infinity, Number.isFinite(created[i]) ? (created[i] ?? Infinity) : Infinity);
  // Whether every run so far was caught up: the DAG's first catch-up is still going on.
  let firstCatchUp = true;
  return ordered.map(([due, run], i) => {
    const createdMs = created[i] ?? NaN;
    const backfill = isBackfill(run);
    const next = slots.next(due);
    const catchUp = next !== null && createdMs >= next;
    const recreated = createdMs > (laterCreated[i + 1] ?? Infinity) + RECREATED_MS;
    const excused = backfill || firstCatchUp || recreated || (catchUp && inPause(pauses, due));
    firstCatchUp &&= catchUp && !backfill;
    return { run, dueMs: due, createdMs, backfill, excused, catchUp };
  });
}
