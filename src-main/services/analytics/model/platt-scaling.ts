import { sigmoid } from './logistic-regression';

export interface Platt {
  readonly a: number;
  readonly b: number;
}

/**
 * Platt scaling: p = sigmoid(a·s + b) fitted by Newton's method on held-out
 * scores, with Platt's smoothed targets so a few positives do not give 0/1.
 */
export function fitPlatt(scores: readonly number[], labels: readonly number[]): Platt {
  const pos = labels.filter((l) => l === 1).length;
  const neg = labels.length - pos;
  const hi = (pos + 1) / (pos + 2);
  const lo = 1 / (neg + 2);
  let a = 1;
  let b = 0;
  for (let it = 0; it < 50; it++) {
    let g0 = 0;
    let g1 = 0;
    let h00 = 1e-9;
    let h01 = 0;
    let h11 = 1e-9;
    scores.forEach((s, i) => {
      const t = labels[i] === 1 ? hi : lo;
      const p = sigmoid(a * s + b);
      const v = Math.max(1e-12, p * (1 - p));
      g0 += (p - t) * s;
      g1 += p - t;
      h00 += v * s * s;
      h01 += v * s;
      h11 += v;
    });
    const det = h00 * h11 - h01 * h01;
    if (Math.abs(det) < 1e-15) break;
    const da = (h11 * g0 - h01 * g1) / det;
    const db = (h00 * g1 - h01 * g0) / det;
    a -= da;
    b -= db;
    if (Math.abs(da) + Math.abs(db) < 1e-9) break;
  }
  return { a, b };
}

export function applyPlatt(p: Platt, score: number): number {
  return sigmoid(p.a * score + p.b);
}
