import { zoneName, type ScheduleZone } from './dag-timezone';

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

function wallClock(ms: number, offsetMin: number): string {
  const d = new Date(ms + offsetMin * 60_000);
  return `${DAYS[d.getUTCDay()] ?? ''} ${d.toISOString().slice(0, 16).replace('T', ' ')}`;
}

const formats = new Map<string, Intl.DateTimeFormat>();

function formatOf(timezone: string): Intl.DateTimeFormat {
  let f = formats.get(timezone);
  if (f === undefined) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: timezone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
    });
    formats.set(timezone, f);
  }
  return f;
}

/** The UTC offset (minutes) of a zone at an instant. */
export function offsetAt(ms: number, zone: ScheduleZone): number {
  if ('utcOffset' in zone) return zone.utcOffset;
  const parts = formatOf(zone.timezone).formatToParts(new Date(ms));
  const part = (type: string): number => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const local = Date.UTC(part('year'), part('month') - 1, part('day'), part('hour'), part('minute'));
  return Math.round((local - Math.floor(ms / 60_000) * 60_000) / 60_000);
}

/**
 * A slot time as a person checks it against the DAG's code: `Mon 2025-03-31 07:00 UTC`, and on the DAG's own
 * clock when that is not UTC: `Mon 2025-03-31 07:00 UTC (09:00 Europe/Berlin)`.
 */
export function formatSlot(ms: number, zone: ScheduleZone): string {
  const utc = `${wallClock(ms, 0)} UTC`;
  const offset = offsetAt(ms, zone);
  if (offset === 0 && zoneName(zone) === 'UTC') return utc;
  const local = wallClock(ms, offset);
  const sameDay = local.slice(0, 14) === utc.slice(0, 14);
  return `${utc} (${sameDay ? local.slice(15) : local} ${zoneName(zone)})`;
}
