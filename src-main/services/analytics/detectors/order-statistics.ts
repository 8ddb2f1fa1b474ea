/**
 * Exact medians of typed-array ranges by selection (average O(n), no sort, no
 * allocation): the same values a full sort would give. They reorder the range.
 */

function swap(a: Float64Array, i: number, j: number): void {
  const t = a[i] ?? 0;
  a[i] = a[j] ?? 0;
  a[j] = t;
}

/** Puts the k-th smallest of a[lo, hi) at index k (Hoare partition, median-of-three pivot). */
export function selectInPlace(a: Float64Array, lo: number, hi: number, k: number): number {
  let l = lo;
  let r = hi - 1;
  while (r > l) {
    const m = (l + r) >> 1;
    if ((a[m] ?? 0) < (a[l] ?? 0)) swap(a, m, l);
    if ((a[r] ?? 0) < (a[l] ?? 0)) swap(a, r, l);
    if ((a[r] ?? 0) < (a[m] ?? 0)) swap(a, r, m);
    const pivot = a[m] ?? 0;
    let i = l;
    let j = r;
    while (i <= j) {
      while ((a[i] ?? 0) < pivot) i++;
      while ((a[j] ?? 0) > pivot) j--;
      if (i <= j) {
        swap(a, i, j);
        i++;
        j--;
      }
    }
    if (k <= j) r = j;
    else if (k >= i) l = i;
    else break;
  }
  return a[k] ?? NaN;
}

/** Largest value of a[lo, hi). */
function maxOf(a: Float64Array, lo: number, hi: number): number {
  let m = -Infinity;
  for (let i = lo; i < hi; i++) if ((a[i] ?? 0) > m) m = a[i] ?? 0;
  return m;
}

/** Median of a[lo, hi): the middle value, or the mean of the two middle ones; NaN when empty. */
export function medianInPlace(a: Float64Array, lo: number, hi: number): number {
  const n = hi - lo;
  if (n <= 0) return NaN;
  const mid = lo + (n >> 1);
  const upper = selectInPlace(a, lo, hi, mid);
  return n % 2 === 1 ? upper : (maxOf(a, lo, mid) + upper) / 2;
}

/** The upper median (sorted[n >> 1]) of a[lo, hi); NaN when empty. */
export function upperMedianInPlace(a: Float64Array, lo: number, hi: number): number {
  return hi > lo ? selectInPlace(a, lo, hi, lo + ((hi - lo) >> 1)) : NaN;
}

/** A reusable buffer that grows to the largest size asked for. */
export class Scratch {
  private buffer = new Float64Array(1024);

  get(size: number): Float64Array {
    if (this.buffer.length < size) this.buffer = new Float64Array(Math.max(size, this.buffer.length * 2));
    return this.buffer;
  }
}

const small = new Float64Array(64);

/**
 * Upper median of the last (at most) `count` finite values of `values` before
 * index `to`, where `use` (when given) marks the values that count: the small
 * rolling windows of the risk features, with no allocation. `count` ≤ 64.
 */
export function medianOfLast(values: Float64Array, to: number, count: number, from = 0, use?: Uint8Array): number {
  let m = 0;
  for (let k = to - 1; k >= from && m < count; k--) {
    const v = values[k] ?? NaN;
    if (use ? use[k] !== 1 : !Number.isFinite(v)) continue;
    let j = m++;
    while (j > 0 && (small[j - 1] ?? 0) > v) {
      small[j] = small[j - 1] ?? 0;
      j--;
    }
    small[j] = v;
  }
  return m === 0 ? NaN : (small[m >> 1] ?? NaN);
}
