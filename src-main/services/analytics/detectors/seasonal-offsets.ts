const HOUR = 3_600_000;
const MIN_BUCKET = 6;

function medianOf(values: number[]): number {
  if (values.length === 0) return NaN;
  const sorted = Float64Array.from(values).sort();
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? (sorted[mid] ?? NaN) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

/** Saturday or Sunday (UTC); 1970-01-01 was a Thursday. */
function isWeekend(ms: number): boolean {
  const dow = (Math.floor(ms / 86_400_000) + 4) % 7;
  return dow === 0 || dow === 6;
}

/**
 * Robust seasonal offsets of log durations: a weekend effect, then an
 * hour-of-day effect, each the median difference of its bucket (only where a
 * bucket has enough samples; otherwise 0, the fallback to the plain baseline).
 * Returns the offset to subtract from each sample.
 */
export function seasonalOffsets(logs: Float64Array, starts: Float64Array, use: Uint8Array): Float64Array {
  const n = logs.length;
  const offsets = new Float64Array(n);
  const weekend: number[] = [];
  const weekday: number[] = [];
  for (let i = 0; i < n; i++) {
    if (use[i] !== 1) continue;
    (isWeekend(starts[i] ?? 0) ? weekend : weekday).push(logs[i] ?? 0);
  }
  const weekendShift = weekend.length >= MIN_BUCKET && weekday.length >= MIN_BUCKET ? medianOf(weekend) - medianOf(weekday) : 0;
  const byHour: number[][] = Array.from({ length: 24 }, () => []);
  for (let i = 0; i < n; i++) {
    offsets[i] = isWeekend(starts[i] ?? 0) ? weekendShift : 0;
    if (use[i] === 1) byHour[Math.floor(((starts[i] ?? 0) % (24 * HOUR)) / HOUR)]?.push((logs[i] ?? 0) - (offsets[i] ?? 0));
  }
  const filled = byHour.filter((b) => b.length >= MIN_BUCKET);
  if (filled.length < 4) return offsets;
  const overall = medianOf(filled.flat());
  const hourShift = byHour.map((b) => (b.length >= MIN_BUCKET ? medianOf(b) - overall : 0));
  for (let i = 0; i < n; i++) offsets[i] = (offsets[i] ?? 0) + (hourShift[Math.floor(((starts[i] ?? 0) % (24 * HOUR)) / HOUR)] ?? 0);
  return offsets;
}
