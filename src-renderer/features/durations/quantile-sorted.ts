/** The q-quantile of ascending numbers, linearly interpolated; null for none. */
export function quantileSorted(sorted: readonly number[], q: number): number | null {
  if (sorted.length === 0) return null;
  const at = (sorted.length - 1) * q;
  const lo = sorted[Math.floor(at)] ?? 0;
  const hi = sorted[Math.ceil(at)] ?? lo;
  return lo + (hi - lo) * (at - Math.floor(at));
}
