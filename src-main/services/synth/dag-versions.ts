/** DAG version at an instant: 1 + the number of deploys at or before it (deploys ascending). */
export function versionAt(deploys: readonly number[], at: number): number {
  let lo = 0;
  let hi = deploys.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((deploys[mid] ?? Infinity) <= at) lo = mid + 1;
    else hi = mid;
  }
  return 1 + lo;
}
