/**
 * Airflow shows a `timedelta` schedule as Python's `str(timedelta)`: `1 day, 0:00:00`, `2 days, 3:00:00`,
 * `6:00:00`, `0:30:00.500000`. These read and write that text, so both API versions store the same schedule.
 */
const TEXT = /^(?:(-?\d+) days?, )?(\d{1,2}):(\d{2}):(\d{2})(?:\.(\d{1,6}))?$/;

/** Milliseconds of a timedelta text; null when the text is not one. */
export function timedeltaMs(text: string): number | null {
  const m = TEXT.exec(text.trim());
  if (!m) return null;
  const [, days = '0', h = '0', min = '0', s = '0', frac = ''] = m;
  const ms =
    ((Number(days) * 24 + Number(h)) * 60 + Number(min)) * 60_000 + Number(s) * 1000 + Math.round(Number(`0.${frac || '0'}`) * 1000);
  return Number.isFinite(ms) ? ms : null;
}

/** Python's `str(timedelta(days, seconds))` (microseconds dropped below a millisecond). */
export function timedeltaText(days: number, seconds: number, microseconds = 0): string {
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  const clock = `${h}:${String(m).padStart(2, '0')}:${String(s).padStart(2, '0')}${microseconds > 0 ? `.${String(microseconds).padStart(6, '0')}` : ''}`;
  return days !== 0 ? `${days} day${Math.abs(days) === 1 ? '' : 's'}, ${clock}` : clock;
}
