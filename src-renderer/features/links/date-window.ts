const DAY_MS = 86_400_000;

export interface DateWindow {
  from: string;
  to: string;
}

/** `YYYY-MM-DD` of an instant, in UTC (the app shows UTC throughout). */
export const dayOf = (iso: string): string => iso.slice(0, 10);

/** The first instant of a `YYYY-MM-DD` day in UTC, or null for anything else. */
export function dayStart(day: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return null;
  const ms = Date.parse(`${day}T00:00:00.000Z`);
  return Number.isNaN(ms) ? null : new Date(ms).toISOString();
}

/**
 * The window a view shows: `from`/`to` days from its route (inclusive days), else
 * the last `defaultDays` up to `nowMs` (the end of the day that holds it).
 */
export function readWindow(params: Readonly<Record<string, string>>, nowMs: number, defaultDays: number): DateWindow {
  const endOfToday = Math.floor(nowMs / DAY_MS) * DAY_MS + DAY_MS;
  const toStart = params.to !== undefined ? dayStart(params.to) : null;
  const to = toStart !== null ? new Date(Date.parse(toStart) + DAY_MS).toISOString() : new Date(endOfToday).toISOString();
  const fromStart = params.from !== undefined ? dayStart(params.from) : null;
  const from = fromStart !== null && fromStart < to ? fromStart : new Date(Date.parse(to) - defaultDays * DAY_MS).toISOString();
  return { from, to };
}

/** The last `hours` up to `nowMs`, and a few minutes past it so runs starting now show. */
export function lastHours(nowMs: number, hours: number): DateWindow {
  return { from: new Date(nowMs - hours * 3_600_000).toISOString(), to: new Date(nowMs + 10 * 60_000).toISOString() };
}

/** The inclusive last day of a window whose `to` is exclusive. */
export const lastDayOf = (window: DateWindow): string => dayOf(new Date(Date.parse(window.to) - DAY_MS).toISOString());
