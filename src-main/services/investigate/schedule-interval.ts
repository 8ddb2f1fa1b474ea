import { readSchedule } from '../analytics/schedule/read-schedule';
import { DeltaSlots } from '../analytics/schedule/slot-sequence';

const YEAR_MS = 366 * 86_400_000;
/** Slots looked at to find the longest gap: a year of them, at most this many. */
const MAX_STEPS = 5000;
/** A fixed start, so the answer never depends on when it is asked. */
const FROM = Date.parse('2025-01-01T00:00:00.000Z');
const memo = new Map<string, number | null>();

function longestGapSeconds(schedule: string, timezone: string | null): number | null {
  const slots = readSchedule(schedule, timezone).slots;
  if (slots === null) return null;
  if (slots instanceof DeltaSlots) return slots.periodMs / 1000;
  let prev = slots.next(FROM);
  let longest = 0;
  for (let i = 0; prev !== null && prev < FROM + YEAR_MS && i < MAX_STEPS; i++) {
    const next = slots.next(prev);
    if (next === null) break;
    longest = Math.max(longest, next - prev);
    prev = next;
  }
  return longest > 0 ? longest / 1000 : null;
}

/**
 * The longest gap between two runs of a schedule, in seconds, read by the schedule model (crons with ranges,
 * lists, steps and weekdays, presets, timedeltas); null for asset schedules, @once, manual DAGs and timetables
 * it cannot read (those DAGs are never called stale).
 */
export function scheduleIntervalSeconds(schedule: string | null, timezone: string | null = null): number | null {
  if (schedule === null) return null;
  const key = `${schedule}\u0000${timezone ?? ''}`;
  if (!memo.has(key)) {
    if (memo.size > 10_000) memo.clear();
    memo.set(key, longestGapSeconds(schedule, timezone));
  }
  return memo.get(key) ?? null;
}
