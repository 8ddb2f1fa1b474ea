/** Instants are epoch milliseconds inside the generator and ISO 8601 UTC strings ('Z') in rows. */
export const SECOND = 1_000;
export const MINUTE = 60 * SECOND;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

export function iso(ms: number): string {
  return new Date(ms).toISOString();
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
