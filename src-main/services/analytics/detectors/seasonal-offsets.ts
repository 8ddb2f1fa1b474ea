import { medianInPlace, Scratch } from './order-statistics';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const MIN_BUCKET = 6;

const weekendBuf = new Scratch();
const weekdayBuf = new Scratch();
const hourBuf = new Scratch();
const filledBuf = new Scratch();
const hourCount = new Int32Array(24);
const hourStart = new Int32Array(25);
const hourFill = new Int32Array(24);
const hourShift = new Float64Array(24);

/** Saturday or Sunday (UTC); 1970-01-01 was a Thursday. */
function isWeekend(ms: number): boolean {
  const dow = (Math.floor(ms / DAY) + 4) % 7;
  return dow === 0 || dow === 6;
}

const hourOf = (ms: number): number => Math.floor((ms % DAY) / HOUR);

/**
 * Robust seasonal offsets of log durations: a weekend effect, then an
 * hour-of-day effect, each the median difference of its bucket (only where a
 * bucket has enough samples; otherwise 0, the fallback to the plain baseline).
 * `places` says when each sample belongs: the logical date of its run (the data's hour and weekday, so a
 * catch-up run executed at another hour keeps its own), or its start where there is none.
 * Returns the offset to subtract from each sample (into `out` when given).
 * Buckets live in reused buffers and medians are selected, not sorted.
 */
export function seasonalOffsets(logs: Float64Array, places: Float64Array, use: Uint8Array, out?: Float64Array): Float64Array {
  const n = logs.length;
  const offsets = out ?? new Float64Array(n);
  const weekend = weekendBuf.get(n);
  const weekday = weekdayBuf.get(n);
  let nWeekend = 0;
  let nWeekday = 0;
  for (let i = 0; i < n; i++) {
    if (use[i] !== 1) continue;
    if (isWeekend(places[i] ?? 0)) weekend[nWeekend++] = logs[i] ?? 0;
    else weekday[nWeekday++] = logs[i] ?? 0;
  }
  const weekendShift =
    nWeekend >= MIN_BUCKET && nWeekday >= MIN_BUCKET ? medianInPlace(weekend, 0, nWeekend) - medianInPlace(weekday, 0, nWeekday) : 0;
  hourCount.fill(0);
  for (let i = 0; i < n; i++) {
    offsets[i] = isWeekend(places[i] ?? 0) ? weekendShift : 0;
    if (use[i] === 1) {
      const h = hourOf(places[i] ?? 0);
      hourCount[h] = (hourCount[h] ?? 0) + 1;
    }
  }
  let filled = 0;
  let filledValues = 0;
  hourStart[0] = 0;
  for (let h = 0; h < 24; h++) {
    const c = hourCount[h] ?? 0;
    hourStart[h + 1] = (hourStart[h] ?? 0) + c;
    hourFill[h] = hourStart[h] ?? 0;
    if (c >= MIN_BUCKET) {
      filled++;
      filledValues += c;
    }
  }
  if (filled < 4) return offsets;
  const byHour = hourBuf.get(n);
  for (let i = 0; i < n; i++) {
    if (use[i] !== 1) continue;
    const h = hourOf(places[i] ?? 0);
    const at = hourFill[h] ?? 0;
    hourFill[h] = at + 1;
    byHour[at] = (logs[i] ?? 0) - (offsets[i] ?? 0);
  }
  const all = filledBuf.get(filledValues);
  let k = 0;
  for (let h = 0; h < 24; h++) {
    if ((hourCount[h] ?? 0) < MIN_BUCKET) continue;
    for (let j = hourStart[h] ?? 0; j < (hourStart[h + 1] ?? 0); j++) all[k++] = byHour[j] ?? 0;
  }
  const overall = medianInPlace(all, 0, filledValues);
  for (let h = 0; h < 24; h++)
    hourShift[h] = (hourCount[h] ?? 0) >= MIN_BUCKET ? medianInPlace(byHour, hourStart[h] ?? 0, hourStart[h + 1] ?? 0) - overall : 0;
  for (let i = 0; i < n; i++) offsets[i] = (offsets[i] ?? 0) + (hourShift[hourOf(places[i] ?? 0)] ?? 0);
  return offsets;
}
