/** ROC AUC by the rank-sum (Mann–Whitney) statistic, ties counted half. */
export function rocAuc(scores: readonly number[], labels: readonly number[]): number {
  const idx = scores.map((s, i) => ({ s, y: labels[i] ?? 0 })).sort((a, b) => a.s - b.s);
  let rankSum = 0;
  let pos = 0;
  for (let i = 0; i < idx.length; ) {
    let j = i;
    while (j + 1 < idx.length && idx[j + 1]?.s === idx[i]?.s) j++;
    const rank = (i + j) / 2 + 1;
    for (let k = i; k <= j; k++)
      if (idx[k]?.y === 1) {
        rankSum += rank;
        pos++;
      }
    i = j + 1;
  }
  const neg = idx.length - pos;
  return pos === 0 || neg === 0 ? NaN : (rankSum - (pos * (pos + 1)) / 2) / (pos * neg);
}

/** PR AUC as average precision (the area under the step precision-recall curve), ties taken together. */
export function prAuc(scores: readonly number[], labels: readonly number[]): number {
  const idx = scores.map((s, i) => ({ s, y: labels[i] ?? 0 })).sort((a, b) => b.s - a.s);
  const pos = idx.filter((p) => p.y === 1).length;
  if (pos === 0) return NaN;
  let tp = 0;
  let seen = 0;
  let ap = 0;
  for (let i = 0; i < idx.length; ) {
    let j = i;
    let groupPos = 0;
    while (j < idx.length && idx[j]?.s === idx[i]?.s) {
      groupPos += idx[j]?.y ?? 0;
      j++;
    }
    tp += groupPos;
    seen = j;
    ap += (groupPos / pos) * (tp / seen);
    i = j;
  }
  return ap;
}

export function brier(probabilities: readonly number[], labels: readonly number[]): number {
  let s = 0;
  probabilities.forEach((p, i) => (s += (p - (labels[i] ?? 0)) ** 2));
  return s / Math.max(1, probabilities.length);
}

export function medianOf(values: readonly number[]): number {
  if (values.length === 0) return NaN;
  const s = [...values].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 === 1 ? (s[m] ?? NaN) : ((s[m - 1] ?? 0) + (s[m] ?? 0)) / 2;
}
