import { utcFormat } from 'd3';

const clock = utcFormat('%H:%M');
const clockSeconds = utcFormat('%H:%M:%S');
const dayClock = utcFormat('%b %d %H:%M');
const day = utcFormat('%b %d');

/** A tick format that fits the span shown: seconds, minutes, days (UTC, like the rest of the app). */
export function tickFormatFor(spanMs: number): (d: Date) => string {
  if (spanMs <= 10 * 60_000) return clockSeconds;
  if (spanMs <= 36 * 3_600_000) return clock;
  if (spanMs <= 10 * 86_400_000) return dayClock;
  return day;
}
