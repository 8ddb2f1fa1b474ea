import { Cron } from 'croner';
import { zoneName, type ScheduleZone } from './dag-timezone';
import type { SlotSequence } from './slot-sequence';

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
 * A cron schedule read by croner (minute, hour, day of month, month, day of week with ranges, lists and steps;
 * day of month and day of week combined with OR as in Airflow's croniter), in the DAG's timezone including its
 * DST changes. A cron with every day of month and every month in a fixed-offset zone repeats each week: its
 * slots are a one-week table, so `next` is a binary search (croner's own step costs some 15–100 µs).
 */
export class CronSlots implements SlotSequence {
  readonly label: string;
  readonly slackMs = 0;
  private readonly cron: Cron;
  private readonly week: Float64Array | null;
  private readonly weekStart: number;

  /** Throws when croner cannot read the expression. */
  constructor(
    readonly expression: string,
    zone: ScheduleZone,
  ) {
    this.cron = new Cron(expression, { ...zone, mode: '5-part', paused: true });
    this.cron.nextRun(new Date(0));
    this.label = `${expression} (${zoneName(zone)})`;
    const fields = expression.trim().split(/\s+/);
    this.weekStart = MONDAY - ('utcOffset' in zone ? zone.utcOffset * 60_000 : 0);
    this.week = 'utcOffset' in zone && fields[2] === '*' && fields[3] === '*' ? this.weekTable() : null;
  }

  private weekTable(): Float64Array | null {
    const out: number[] = [];
    let t = this.cron.nextRun(new Date(this.weekStart - 1000));
    while (t !== null && t.getTime() < this.weekStart + WEEK) {
      if (out.length >= MAX_TABLE) return null;
      out.push(t.getTime() - this.weekStart);
      t = this.cron.nextRun(t);
    }
    return out.length > 0 ? Float64Array.from(out) : null;
  }

  next(ms: number): number | null {
    const week = this.week;
    if (week === null) return this.cron.nextRun(new Date(ms))?.getTime() ?? null;
    const k = Math.floor((ms - this.weekStart) / WEEK);
    const at = firstAbove(week, ms - this.weekStart - k * WEEK);
    return at < week.length ? this.weekStart + k * WEEK + (week[at] ?? 0) : this.weekStart + (k + 1) * WEEK + (week[0] ?? 0);
  }

  holds(ms: number): boolean {
    if (ms % 60_000 !== 0) return false;
    const week = this.week;
    if (week === null) return this.cron.match(new Date(ms));
    const offset = ms - this.weekStart - Math.floor((ms - this.weekStart) / WEEK) * WEEK;
    const at = firstAbove(week, offset) - 1;
    return at >= 0 && week[at] === offset;
  }
}
