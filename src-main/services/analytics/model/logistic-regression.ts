/** A fitted logistic regression on standardized inputs. */
export interface LogisticModel {
  readonly mean: number[];
  readonly scale: number[];
  /** weights[0] is the intercept; weights[j + 1] belongs to input j. */
  readonly weights: number[];
}

function solve(a: number[][], b: number[]): number[] {
  const n = b.length;
  const m = a.map((row, i) => [...row, b[i] ?? 0]);
  for (let c = 0; c < n; c++) {
    let pivot = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(m[r]?.[c] ?? 0) > Math.abs(m[pivot]?.[c] ?? 0)) pivot = r;
    [m[c], m[pivot]] = [m[pivot] ?? [], m[c] ?? []];
    const row = m[c] ?? [];
    const d = row[c] ?? 1;
    if (Math.abs(d) < 1e-12) continue;
    for (let r = 0; r < n; r++) {
      if (r === c) continue;
      const other = m[r] ?? [];
      const f = (other[c] ?? 0) / d;
      if (f === 0) continue;
      for (let k = c; k <= n; k++) other[k] = (other[k] ?? 0) - f * (row[k] ?? 0);
    }
  }
  return m.map((row, i) => (row[n] ?? 0) / (row[i] || 1));
}

export function sigmoid(z: number): number {
  return z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
}

/** Column means and standard deviations of `rows` (row-major, `d` columns). */
export function standardizer(x: Float64Array, d: number, rows: readonly number[]): { mean: number[]; scale: number[] } {
  const mean = new Array<number>(d).fill(0);
  const sq = new Array<number>(d).fill(0);
  for (const r of rows) for (let j = 0; j < d; j++) mean[j] = (mean[j] ?? 0) + (x[r * d + j] ?? 0);
  for (let j = 0; j < d; j++) mean[j] = (mean[j] ?? 0) / Math.max(1, rows.length);
  for (const r of rows) for (let j = 0; j < d; j++) sq[j] = (sq[j] ?? 0) + ((x[r * d + j] ?? 0) - (mean[j] ?? 0)) ** 2;
  const scale = sq.map((s) => Math.sqrt(s / Math.max(1, rows.length)) || 1);
  return { mean, scale };
}

/** The linear score (log-odds) of row `r`. */
export function logit(model: LogisticModel, x: Float64Array, d: number, r: number): number {
  let z = model.weights[0] ?? 0;
  for (let j = 0; j < d; j++) z += (model.weights[j + 1] ?? 0) * (((x[r * d + j] ?? 0) - (model.mean[j] ?? 0)) / (model.scale[j] ?? 1));
  return z;
}

/**
 * L2-regularized logistic regression fitted by Newton's method (IRLS): exact
 * and fast for a dozen inputs, deterministic, no learning rate to tune.
 */
export function fitLogistic(
  x: Float64Array,
  y: Uint8Array,
  d: number,
  rows: readonly number[],
  lambda = 1,
  iterations = 30,
): LogisticModel {
  const { mean, scale } = standardizer(x, d, rows);
  const p = d + 1;
  const n = rows.length;
  const z = new Float64Array(n * p);
  rows.forEach((r, i) => {
    z[i * p] = 1;
    for (let j = 0; j < d; j++) z[i * p + j + 1] = ((x[r * d + j] ?? 0) - (mean[j] ?? 0)) / (scale[j] ?? 1);
  });
  let w = new Array<number>(p).fill(0);
  for (let it = 0; it < iterations; it++) {
    const grad = new Float64Array(p);
    const hess = new Float64Array(p * p);
    for (let i = 0; i < n; i++) {
      const o = i * p;
      let eta = 0;
      for (let a = 0; a < p; a++) eta += (w[a] ?? 0) * (z[o + a] ?? 0);
      const mu = sigmoid(eta);
      const diff = mu - (y[rows[i] ?? 0] ?? 0);
      const v = Math.max(1e-9, mu * (1 - mu));
      for (let a = 0; a < p; a++) {
        const za = z[o + a] ?? 0;
        grad[a] = (grad[a] ?? 0) + diff * za;
        const vza = v * za;
        for (let b = a; b < p; b++) hess[a * p + b] = (hess[a * p + b] ?? 0) + vza * (z[o + b] ?? 0);
      }
    }
    const h: number[][] = [];
    for (let a = 0; a < p; a++) {
      const row: number[] = [];
      for (let b = 0; b < p; b++) row.push(a <= b ? (hess[a * p + b] ?? 0) : (hess[b * p + a] ?? 0));
      if (a > 0) {
        grad[a] = (grad[a] ?? 0) + lambda * (w[a] ?? 0);
        row[a] = (row[a] ?? 0) + lambda;
      }
      h.push(row);
    }
    const step = solve(h, [...grad]);
    w = w.map((wi, k) => wi - (step[k] ?? 0));
    if (step.reduce((s, v) => s + Math.abs(v), 0) < 1e-6) break;
  }
  return { mean, scale, weights: w };
}
