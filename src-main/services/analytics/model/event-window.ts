/** Sorted instants with O(log n) counts of those in [from, to). */
export class EventWindow {
  private readonly times: Float64Array;

  constructor(times: readonly number[]) {
    this.times = Float64Array.from(times).sort();
  }

  private lowerBound(t: number): number {
    let lo = 0;
    let hi = this.times.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((this.times[mid] ?? 0) < t) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  count(from: number, to: number): number {
    return Math.max(0, this.lowerBound(to) - this.lowerBound(from));
  }
}
