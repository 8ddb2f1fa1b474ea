import type { Cron } from 'croner';

const WEEK = 7 * 86_400_000;
/** Monday 1970-01-05 00:00 UTC. */
const MONDAY = 4 * 86_400_000;
/** Above this many slots a week (every 5 minutes), stepping the cron is cheaper than a table. */
const MAX_TABLE = 2016;

function firstAbove(table: Float64Array, x: number): number {
  let lo = 0;
  let hi = table.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((table[mid] ?? 0) <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The slots of a cron with every day of month and every month, on a clock at a fixed UTC offset: they repeat
 * each week, so one week of them answers `next` by a binary search.
 */
export class WeekTable {
  private constructor(
    private readonly slots: Float64Array,
    private readonly weekStart: number,
  ) {}

  /** Null when the cron has no slot in a week or more slots than a table is worth. */
  static of(cron: Cron, utcOffsetMin: number): WeekTable | null {
    const weekStart = MONDAY - utcOffsetMin * 60_000;
    const out: number[] = [];
    let t = cron.nextRun(new Date(weekStart - 1000));
    while (t !== null && t.getTime() < weekStart + WEEK) {
      if (out.length >= MAX_TABLE) return null;
      out.push(t.getTime() - weekStart);
      t = cron.nextRun(t);
    }
    return out.length > 0 ? new WeekTable(Float64Array.from(out), weekStart) : null;
  }

  next(ms: number): number {
    const { slots, weekStart } = this;
    const k = Math.floor((ms - weekStart) / WEEK);
    const at = firstAbove(slots, ms - weekStart - k * WEEK);
    return at < slots.length ? weekStart + k * WEEK + (slots[at] ?? 0) : weekStart + (k + 1) * WEEK + (slots[0] ?? 0);
  }

  holds(ms: number): boolean {
    const offset = ms - this.weekStart - Math.floor((ms - this.weekStart) / WEEK) * WEEK;
    const at = firstAbove(this.slots, offset) - 1;
    return at >= 0 && this.slots[at] === offset;
  }
}
