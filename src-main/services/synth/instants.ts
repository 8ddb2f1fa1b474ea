/** Instants are epoch milliseconds inside the generator and ISO 8601 UTC strings ('Z') in rows. */
export const SECOND = 1_000;
export const MINUTE = 60 * SECOND;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

const scratch = Buffer.alloc(24);
let cachedDay = Number.NaN;

/**
 * Same text as `new Date(ms).toISOString()` (whole milliseconds, years
 * 1000-9999), several times faster and without rope strings: the date part
 * is cached per day and the digits are written into a scratch buffer.
 * Millions of timestamps go through here.
 */
export function iso(ms: number): string {
  const whole = Math.round(ms);
  const day = Math.floor(whole / DAY);
  if (day !== cachedDay) {
    cachedDay = day;
    scratch.write(new Date(day * DAY).toISOString().slice(0, 11), 0, 'latin1');
  }
  let rest = whole - day * DAY;
  const h = Math.floor(rest / HOUR);
  rest -= h * HOUR;
  const m = Math.floor(rest / MINUTE);
  rest -= m * MINUTE;
  const s = Math.floor(rest / SECOND);
  const milli = rest - s * SECOND;
  scratch[11] = 48 + Math.floor(h / 10);
  scratch[12] = 48 + (h % 10);
  scratch[13] = 58; // ':'
  scratch[14] = 48 + Math.floor(m / 10);
  scratch[15] = 48 + (m % 10);
  scratch[16] = 58;
  scratch[17] = 48 + Math.floor(s / 10);
  scratch[18] = 48 + (s % 10);
  scratch[19] = 46; // '.'
  scratch[20] = 48 + Math.floor(milli / 100);
  scratch[21] = 48 + (Math.floor(milli / 10) % 10);
  scratch[22] = 48 + (milli % 10);
  scratch[23] = 90; // 'Z'
  return scratch.toString('latin1', 0, 24);
}

/** Parses an ISO 8601 instant; throws with a hint when it is not one. */
export function parseInstant(text: string): number {
  const ms = Date.parse(text);
  if (!Number.isFinite(ms) || !/^\d{4}-\d{2}-\d{2}T/.test(text)) {
    throw new Error(`"${text}" is not an ISO 8601 instant; write it like 2026-11-21T10:00:00Z`);
  }
  return ms;
}

/** Airflow's run id stamp for a scheduled slot: 2026-11-21T10:00:00+00:00. */
export function slotStamp(ms: number): string {
  return `${iso(ms).slice(0, 19)}+00:00`;
}

/** Airflow's run id stamp for a triggered run, with microseconds: 2026-11-21T10:03:12.123000+00:00. */
export function triggerStamp(ms: number): string {
  return `${iso(ms).slice(0, 23)}000+00:00`;
}

/** Hour of day in UTC, fractional. */
export function hourOfDay(ms: number): number {
  return (((ms % DAY) + DAY) % DAY) / HOUR;
}

/** 0 = Sunday ... 6 = Saturday (1970-01-01 was a Thursday). */
export function dayOfWeek(ms: number): number {
  return (Math.floor(ms / DAY) + 4) % 7;
}

/** Whole seconds rounded to milliseconds, as durations are stored. */
export function seconds(ms: number): number {
  return Math.round(ms) / 1000;
}
