/**
 * A sliding window of the latest values, kept sorted, so the median and
 * quartiles are O(1) and each push is a binary search plus one memmove (a
 * push into a full window moves only the values between the one leaving and
 * the one arriving): cheap enough to move a robust baseline along a million
 * task instances.
 */
export class SortedWindow {
  private readonly sorted: Float64Array;
  private readonly values: Float64Array;
  private readonly times: Float64Array;
  private head = 0;
  private count = 0;

  constructor(readonly capacity: number) {
    this.sorted = new Float64Array(capacity);
    this.values = new Float64Array(capacity);
    this.times = new Float64Array(capacity);
  }

  get size(): number {
    return this.count;
  }

  clear(): void {
    this.head = 0;
    this.count = 0;
  }

  /** Drops values older than `minTime`. */
  evictBefore(minTime: number): void {
    while (this.count > 0 && (this.times[this.head] ?? 0) < minTime) this.removeOldest();
  }

  push(value: number, time: number): void {
    if (this.count === this.capacity) {
      this.replaceOldest(value, time);
      return;
    }
    const at = (this.head + this.count) % this.capacity;
    this.values[at] = value;
    this.times[at] = time;
    const i = this.lowerBound(value);
    this.sorted.copyWithin(i + 1, i, this.count);
    this.sorted[i] = value;
    this.count++;
  }

  /** Linear-interpolated quantile, q in [0, 1]; NaN when empty. */
  quantile(q: number): number {
    if (this.count === 0) return NaN;
    const pos = q * (this.count - 1);
    const lo = Math.floor(pos);
    const a = this.sorted[lo] ?? 0;
    const b = this.sorted[Math.min(this.count - 1, lo + 1)] ?? a;
    return a + (b - a) * (pos - lo);
  }

  private lowerBound(value: number): number {
    let lo = 0;
    let hi = this.count;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((this.sorted[mid] ?? 0) < value) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Drops the oldest value and inserts `value` in one memmove of the values between them. */
  private replaceOldest(value: number, time: number): void {
    const old = this.values[this.head] ?? 0;
    this.values[this.head] = value;
    this.times[this.head] = time;
    this.head = (this.head + 1) % this.capacity;
    const j = this.lowerBound(old);
    const i = this.lowerBound(value);
    if (i <= j) {
      this.sorted.copyWithin(i + 1, i, j);
      this.sorted[i] = value;
    } else {
      this.sorted.copyWithin(j, j + 1, i);
      this.sorted[i - 1] = value;
    }
  }

  private removeOldest(): void {
    const value = this.values[this.head] ?? 0;
    this.head = (this.head + 1) % this.capacity;
    const i = this.lowerBound(value);
    this.sorted.copyWithin(i, i + 1, this.count);
    this.count--;
  }
}
