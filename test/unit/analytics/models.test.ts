import { describe, expect, it } from 'vitest';
import { averagePathLength, fitIsolationForest, isolationScore } from '../../../src-main/services/analytics/model/isolation-forest';
import { fitLogistic, logit, sigmoid } from '../../../src-main/services/analytics/model/logistic-regression';
import { applyPlatt, fitPlatt } from '../../../src-main/services/analytics/model/platt-scaling';
import { brier, prAuc, rocAuc } from '../../../eval/metrics';

function lcg(seed: number): () => number {
  let s = seed;
  return () => (s = (s * 1664525 + 1013904223) % 4294967296) / 4294967296;
}

describe('logistic regression (IRLS)', () => {
  it('recovers the sign and rough size of known weights', () => {
    const next = lcg(3);
    const n = 4000;
    const x = new Float64Array(n * 2);
    const y = new Uint8Array(n);
    for (let i = 0; i < n; i++) {
      x[i * 2] = next() * 4 - 2;
      x[i * 2 + 1] = next() * 4 - 2;
      y[i] = next() < sigmoid(-1 + 2 * (x[i * 2] ?? 0) - 1 * (x[i * 2 + 1] ?? 0)) ? 1 : 0;
    }
    const rows = Array.from({ length: n }, (_, i) => i);
    const m = fitLogistic(x, y, 2, rows, 0.01);
    // Weights are on standardized inputs: multiply back by the scale.
    const w1 = (m.weights[1] ?? 0) / (m.scale[0] ?? 1);
    const w2 = (m.weights[2] ?? 0) / (m.scale[1] ?? 1);
    expect(w1).toBeGreaterThan(1.6);
    expect(w1).toBeLessThan(2.4);
    expect(w2).toBeLessThan(-0.7);
    expect(w2).toBeGreaterThan(-1.3);
    expect(Number.isFinite(logit(m, x, 2, 0))).toBe(true);
  });
});

describe('Platt scaling', () => {
  it('maps scores to calibrated probabilities', () => {
    const next = lcg(9);
    const scores: number[] = [];
    const labels: number[] = [];
    for (let i = 0; i < 3000; i++) {
      const s = next() * 8 - 4;
      scores.push(s);
      labels.push(next() < sigmoid(0.5 * s - 1) ? 1 : 0);
    }
    const p = fitPlatt(scores, labels);
    expect(p.a).toBeCloseTo(0.5, 0);
    expect(applyPlatt(p, 2)).toBeCloseTo(sigmoid(0), 1);
  });
});

describe('Isolation Forest', () => {
  it('scores an isolated point higher than points of the crowd', () => {
    const next = lcg(5);
    const n = 500;
    const x = new Float64Array(n * 2);
    for (let i = 0; i < n - 1; i++) {
      x[i * 2] = next();
      x[i * 2 + 1] = next();
    }
    x[(n - 1) * 2] = 8;
    x[(n - 1) * 2 + 1] = 8;
    const forest = fitIsolationForest(x, 2, n, { trees: 100, sampleSize: 128, seed: 1 });
    expect(isolationScore(forest, x, n - 1)).toBeGreaterThan(0.7);
    expect(isolationScore(forest, x, 0)).toBeLessThan(0.6);
    expect(averagePathLength(2)).toBe(1);
  });
});

describe('metrics', () => {
  it('ROC AUC, PR AUC and Brier on small cases', () => {
    expect(rocAuc([0.1, 0.4, 0.35, 0.8], [0, 0, 1, 1])).toBeCloseTo(0.75, 10);
    expect(prAuc([0.9, 0.8, 0.1], [1, 0, 1])).toBeCloseTo((1 + 2 / 3) / 2, 10);
    expect(brier([1, 0], [1, 1])).toBe(0.5);
  });
});
