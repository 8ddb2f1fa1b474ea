/**
 * Airflow timestamps arrive as `2026-11-22T01:40:00.173792+00:00`, `...Z` or (rarely) without a zone.
 * The cache compares them as strings, so every one is normalised to `new Date(x).toISOString()` (UTC, `Z`).
 * A value without a zone is read as UTC (Airflow stores UTC). Anything unparsable becomes null.
 */
const HAS_ZONE = /(?:Z|[+-]\d{2}:?\d{2})$/i;

export function isoTime(value: unknown): string | null {
  if (typeof value !== 'string' || value.length === 0 || value.length > 64) return null;
  const text = HAS_ZONE.test(value) ? value : `${value.replace(' ', 'T')}Z`;
  const ms = Date.parse(text);
  return Number.isFinite(ms) ? new Date(ms).toISOString() : null;
}

/** Seconds between two ISO instants, or null when either is missing or the span is negative. */
export function secondsBetween(start: string | null, end: string | null): number | null {
  if (start === null || end === null) return null;
  const s = (Date.parse(end) - Date.parse(start)) / 1000;
  return Number.isFinite(s) && s >= 0 ? s : null;
}
