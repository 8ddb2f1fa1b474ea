/** First index in sorted `values[0, n)` whose value is above `t` (`strict`) or at least `t`. */
export function firstIndexFrom(values: Float64Array, n: number, t: number, strict: boolean): number {
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const v = values[mid] ?? 0;
    if (v < t || (strict && v === t)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
