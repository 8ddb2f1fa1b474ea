import { Cron } from 'croner';
import { zoneName, type ScheduleZone } from './dag-timezone';
import type { SlotSequence } from './slot-sequence';
import { offsetAt } from './slot-time';
import { WeekTable } from './week-table';

const QUARTER_HOUR = 900_000;
const BLOCK = 7 * 86_400_000;

/**
 * A cron schedule read by croner (minute, hour, day of month, month, day of week with ranges, lists and steps;
 * day of month and day of week combined with OR as in Airflow's croniter), in the DAG's timezone including its
 * DST changes. croner's own step costs some 15 µs, 100 µs in a named zone; a cron with every day of month and
 * every month repeats each week at a fixed offset, so between two DST changes a one-week table answers by binary
 * search, and croner only answers across a change.
 */
export class CronSlots implements SlotSequence {
  readonly label: string;
  readonly slackMs = 0;
  private readonly cron: Cron;
  private readonly weekly: boolean;
  private readonly fixedOffset: number | null;
  private readonly tables = new Map<number, WeekTable | null>();
  private readonly offsets = new Map<number, number>();

  /** Throws when croner cannot read the expression. */
  constructor(
    readonly expression: string,
    private readonly zone: ScheduleZone,
  ) {
    this.cron = new Cron(expression, { ...zone, mode: '5-part', paused: true });
    this.cron.nextRun(new Date(0));
    this.label = `${expression} (${zoneName(zone)})`;
    const fields = expression.trim().split(/\s+/);
    this.weekly = fields[2] === '*' && fields[3] === '*';
    this.fixedOffset = 'utcOffset' in zone ? zone.utcOffset : null;
  }

  /**
   * The zone's UTC offset at an instant. Zones change offset on quarter hours and at most twice a year: a week
   * with the same offset at both ends has it throughout; only a week with a change is read by quarter hour.
   */
  private offsetOf(ms: number): number {
    if (this.fixedOffset !== null) return this.fixedOffset;
    const block = Math.floor(ms / BLOCK);
    let off = this.offsets.get(block);
    if (off === undefined) {
      const first = offsetAt(block * BLOCK, this.zone);
      off = first === offsetAt((block + 1) * BLOCK - QUARTER_HOUR, this.zone) ? first : NaN;
      this.offsets.set(block, off);
    }
    if (!Number.isNaN(off)) return off;
    const quarter = -1 - Math.floor(ms / QUARTER_HOUR);
    let exact = this.offsets.get(quarter);
    if (exact === undefined) {
      exact = offsetAt(-(quarter + 1) * QUARTER_HOUR, this.zone);
      this.offsets.set(quarter, exact);
    }
    return exact;
  }

  private tableAt(offset: number): WeekTable | null {
    if (!this.weekly) return null;
    let table = this.tables.get(offset);
    if (table === undefined) {
      table = WeekTable.of(new Cron(this.expression, { utcOffset: offset, mode: '5-part', paused: true }), offset);
      this.tables.set(offset, table);
    }
    return table;
  }

  next(ms: number): number | null {
    const offset = this.offsetOf(ms);
    const candidate = this.tableAt(offset)?.next(ms);
    if (candidate !== undefined && this.offsetOf(candidate) === offset) return candidate;
    return this.cron.nextRun(new Date(ms))?.getTime() ?? null;
  }

  holds(ms: number): boolean {
    if (ms % 60_000 !== 0) return false;
    const table = this.tableAt(this.offsetOf(ms));
    // A slot croner moved out of a DST gap matches no pattern time: ask what the minute before leads to.
    return (table !== null && table.holds(ms)) || this.cron.match(new Date(ms)) || this.next(ms - 60_000) === ms;
  }
}
