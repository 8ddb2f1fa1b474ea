import { inPause, type PauseSpan } from './pause-spans';
import type { SlotRun } from './slot-runs';
import type { SlotSequence } from './slot-sequence';

/** A slot of the schedule: its logical date and when its run was due. */
export interface Slot {
  readonly logicalMs: number;
  readonly dueMs: number;
}

/** Slots enumerated in one gap at most (a minutely cron stopped for a week would be 10,080). */
export const MAX_SLOTS = 2000;

/**
 * Whether runs name their slot by the start of a data interval (logical date one slot before the due time, as
 * Airflow 2 and CronDataIntervalTimetable do) rather than by the trigger time (CronTriggerTimetable, Airflow 3).
 */
export function namesIntervalStart(runs: readonly SlotRun[]): boolean {
  let interval = 0;
  for (const r of runs) if (r.run.logicalMs < r.dueMs - 60_000) interval++;
  return interval * 2 > runs.length;
}

/**
 * The slots due strictly after `afterDueMs` and before `beforeDueMs`, leaving out those due while the DAG was
 * paused. With `intervalStart` a slot's logical date is the slot before it (the start of its data interval).
 */
export function slotsBetween(
  slots: SlotSequence,
  afterDueMs: number,
  beforeDueMs: number,
  intervalStart: boolean,
  pauses: readonly PauseSpan[],
): Slot[] {
  const out: Slot[] = [];
  let prev = afterDueMs;
  for (let due = slots.next(afterDueMs), n = 0; due !== null && due < beforeDueMs && n < MAX_SLOTS; due = slots.next(due), n++) {
    if (!inPause(pauses, due)) out.push({ logicalMs: intervalStart ? prev : due, dueMs: due });
    prev = due;
  }
  return out;
}
