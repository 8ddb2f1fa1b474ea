import type { EnvHistory } from '../src-main/services/analytics/history-types';
import { FEATURE_COUNT } from '../src-main/services/analytics/model/feature-names';
import { featureRows } from '../src-main/services/analytics/model/risk-features';
import { predictRisk, timeSplit, trainRiskModel } from '../src-main/services/analytics/model/risk-model';
import { brier, prAuc, rocAuc } from './metrics';

export interface ScoreSet {
  readonly rocAuc: number;
  readonly prAuc: number;
  readonly brier: number;
}

export interface PredictionResult {
  readonly model: ScoreSet;
  readonly lastState: ScoreSet;
  readonly rate10: ScoreSet;
  readonly testRows: number;
  readonly testPositives: number;
  readonly trainMs: number;
}

function scoreSet(p: readonly number[], y: readonly number[]): ScoreSet {
  return { rocAuc: rocAuc(p, y), prAuc: prAuc(p, y), brier: brier(p, y) };
}

/** Trains on the oldest 50 %, calibrates on the next 15 %, tests on the newest 35 % beside the two naive baselines. */
export function evaluatePrediction(history: EnvHistory): PredictionResult {
  const rows = featureRows(history);
  const split = timeSplit(rows, 0.5, 0.15);
  const started = performance.now();
  const model = trainRiskModel(rows, split.train, split.calibrate);
  const trainMs = performance.now() - started;
  const y = split.test.map((r) => rows.y[r] ?? 0);
  const p = split.test.map((r) => predictRisk(model, rows.x, r));
  const last = split.test.map((r) => rows.x[r * FEATURE_COUNT + 1] ?? 0);
  const rate = split.test.map((r) => rows.x[r * FEATURE_COUNT] ?? 0);
  return {
    model: scoreSet(p, y), lastState: scoreSet(last, y), rate10: scoreSet(rate, y), testRows: y.length,
    testPositives: y.filter((v) => v === 1).length, trainMs,
  };
}
