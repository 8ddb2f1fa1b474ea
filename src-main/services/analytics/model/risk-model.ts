import { FEATURE_COUNT } from './feature-names';
import { fitLogistic, logit, type LogisticModel } from './logistic-regression';
import { applyPlatt, fitPlatt, type Platt } from './platt-scaling';
import type { FeatureRows } from './risk-features';

export interface RiskModel {
  readonly lr: LogisticModel;
  readonly platt: Platt;
  readonly trainRows: number;
  readonly positives: number;
}

export interface TimeSplit {
  readonly train: number[];
  readonly calibrate: number[];
  readonly test: number[];
}

/** Splits rows by time: the oldest share trains, the next calibrates, the newest tests (never the other way round). */
export function timeSplit(rows: FeatureRows, trainShare = 0.6, calibrateShare = 0.15): TimeSplit {
  let lo = Infinity;
  let hi = -Infinity;
  for (let r = 0; r < rows.length; r++) {
    lo = Math.min(lo, rows.t[r] ?? 0);
    hi = Math.max(hi, rows.t[r] ?? 0);
  }
  const a = lo + trainShare * (hi - lo);
  const b = lo + (trainShare + calibrateShare) * (hi - lo);
  const split: TimeSplit = { train: [], calibrate: [], test: [] };
  for (let r = 0; r < rows.length; r++) {
    const t = rows.t[r] ?? 0;
    (t < a ? split.train : t < b ? split.calibrate : split.test).push(r);
  }
  return split;
}

/** Logistic regression on the training rows, calibrated by Platt scaling on the calibration rows. */
export function trainRiskModel(
  rows: FeatureRows,
  train: readonly number[],
  calibrate: readonly number[],
  width: number = FEATURE_COUNT,
): RiskModel {
  const lr = fitLogistic(rows.x, rows.y, width, train);
  const scores = calibrate.map((r) => logit(lr, rows.x, width, r));
  const labels = calibrate.map((r) => rows.y[r] ?? 0);
  const platt = labels.some((l) => l === 1) ? fitPlatt(scores, labels) : { a: 1, b: 0 };
  let positives = 0;
  for (const r of train) positives += rows.y[r] ?? 0;
  return { lr, platt, trainRows: train.length, positives };
}

/** Calibrated probability that the instance of row `r` (of `x`, `width` inputs a row) fails (or, for the lateness model, finishes late). */
export function predictRisk(model: RiskModel, x: Float64Array, r: number, width: number = FEATURE_COUNT): number {
  return applyPlatt(model.platt, logit(model.lr, x, width, r));
}
