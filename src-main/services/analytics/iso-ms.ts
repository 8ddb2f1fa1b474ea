/**
 * Milliseconds of ISO times as the cache stores them (`new Date(x).toISOString()`: `YYYY-MM-DDTHH:MM:SS.sssZ`,
 * 24 characters), read by hand: a history holds millions of them and `Date.parse` was most of the cost of loading
 * one. Any other shape, and any field out of the range the fast path handles, goes to `Date.parse`, so the result
 * is always what `Date.parse` gives (null: NaN).
 */
export const ISO_LENGTH = 24;

export function isoMs(iso: string | null): number {
  if (iso === null) return NaN;
  if (iso.length !== ISO_LENGTH) return Date.parse(iso);
  const ms = canonicalIsoMsAt(iso, 0, true);
  return Number.isNaN(ms) ? Date.parse(iso) : ms;
}

/**
 * The milliseconds of the 24 characters of `s` at `at` when they are a time of the cache's shape, else NaN (the
 * caller asks `Date.parse`). With `rollOver`, days 29-31 past the month's end count on into the next month as
 * `Date.parse` does; without, such a day gives NaN, so that the times this accepts order as their text does.
 */
export function canonicalIsoMsAt(s: string, at: number, rollOver: boolean): number {
  if (
    s.charCodeAt(at + 23) !== 90 /* Z */ ||
    s.charCodeAt(at + 4) !== 45 ||
    s.charCodeAt(at + 7) !== 45 ||
    s.charCodeAt(at + 10) !== 84 ||
    s.charCodeAt(at + 13) !== 58 ||
    s.charCodeAt(at + 16) !== 58 ||
    s.charCodeAt(at + 19) !== 46
  ) {
    return NaN;
  }
  const y0 = s.charCodeAt(at) - 48,
    y1 = s.charCodeAt(at + 1) - 48,
    y2 = s.charCodeAt(at + 2) - 48,
    y3 = s.charCodeAt(at + 3) - 48;
  const mo0 = s.charCodeAt(at + 5) - 48,
    mo1 = s.charCodeAt(at + 6) - 48,
    d0 = s.charCodeAt(at + 8) - 48,
    d1 = s.charCodeAt(at + 9) - 48;
  const h0 = s.charCodeAt(at + 11) - 48,
    h1 = s.charCodeAt(at + 12) - 48,
    mi0 = s.charCodeAt(at + 14) - 48,
    mi1 = s.charCodeAt(at + 15) - 48;
  const s0 = s.charCodeAt(at + 17) - 48,
    s1 = s.charCodeAt(at + 18) - 48;
  const ms0 = s.charCodeAt(at + 20) - 48,
    ms1 = s.charCodeAt(at + 21) - 48,
    ms2 = s.charCodeAt(at + 22) - 48;
  // Every one a digit: a character below '0' makes the OR negative, one above '9' is above 9 itself.
  if (
    (y0 | y1 | y2 | y3 | mo0 | mo1 | d0 | d1 | h0 | h1 | mi0 | mi1 | s0 | s1 | ms0 | ms1 | ms2) < 0 ||
    y0 > 9 ||
    y1 > 9 ||
    y2 > 9 ||
    y3 > 9 ||
    mo0 > 9 ||
    mo1 > 9 ||
    d0 > 9 ||
    d1 > 9 ||
    h0 > 9 ||
    h1 > 9 ||
    mi0 > 9 ||
    mi1 > 9 ||
    s0 > 9 ||
    s1 > 9 ||
    ms0 > 9 ||
    ms1 > 9 ||
    ms2 > 9
  ) {
    return NaN;
  }
  const year = y0 * 1000 + y1 * 100 + y2 * 10 + y3;
  const month = mo0 * 10 + mo1;
  const day = d0 * 10 + d1;
  const hour = h0 * 10 + h1;
  const minute = mi0 * 10 + mi1;
  const second = s0 * 10 + s1;
  // Date.parse accepts days 1-31 in every month and hour 24; the fast path leaves hour 24 and bad fields to it.
  if (
    month < 1 ||
    month > 12 ||
    day < 1 ||
    day > (rollOver || day <= 28 ? 31 : daysInMonth(year, month)) ||
    hour > 23 ||
    minute > 59 ||
    second > 59
  ) {
    return NaN;
  }
  return daysFromCivil(year, month, day) * 86_400_000 + hour * 3_600_000 + minute * 60_000 + second * 1000 + ms0 * 100 + ms1 * 10 + ms2;
}

function daysInMonth(year: number, month: number): number {
  if (month !== 2) return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
  return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
}

/** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil). */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}
