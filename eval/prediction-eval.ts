import type { EnvHistory } from '../src-main/services/analytics/history-types';
import { FEATURE_COUNT } from '../src-main/services/analytics/model/feature-names';
import { LATE_COUNT, lateRows } from '../src-main/services/analytics/model/late-target';
import { failureIndex, featureRows, type FeatureRows } from '../src-main/services/analytics/model/risk-features';
import { lateSeriesOf } from '../src-main/services/analytics/risk-scoring';
import { predictRisk, timeSplit, trainRiskModel } from '../src-main/services/analytics/model/risk-model';
import { brier, prAuc, rocAuc } from './metrics';

export interface ScoreSet {
  readonly rocAuc: number;
  readonly prAuc: number;
  readonly brier: number;
}

export interface TargetResult {
  readonly model: ScoreSet;
  /** Naive baseline: what the last run did (failed / finished late). */
  readonly lastState: ScoreSet;
  /** Naive baseline: how often it happened in the last 10 runs. */
  readonly rate10: ScoreSet;
  readonly testRows: number;
  readonly testPositives: number;
  readonly trainMs: number;
}

export interface PredictionResult extends TargetResult {
  /** The second target: the instance finishes later than its usual finish. */
  readonly late: TargetResult;
}

function scoreSet(p: readonly number[], y: readonly number[]): ScoreSet {
  return { rocAuc: rocAuc(p, y), prAuc: prAuc(p, y), brier: brier(p, y) };
}

/** Trains on the oldest 50 %, calibrates on the next 15 %, tests on the newest 35 % beside the two naive baselines (columns `lastCol`, `rateCol`). */
function evaluateTarget(rows: FeatureRows, width: number, lastCol: number, rateCol: number): TargetResult {
  const split = timeSplit(rows, 0.5, 0.15);
  const started = performance.now();
  const model = trainRiskModel(rows, split.train, split.calibrate, width);
  const trainMs = performance.now() - started;
  const y = split.test.map((r) => rows.y[r] ?? 0);
  const p = split.test.map((r) => predictRisk(model, rows.x, r, width));
  const last = split.test.map((r) => rows.x[r * width + lastCol] ?? 0);
  const rate = split.test.map((r) => rows.x[r * width + rateCol] ?? 0);
  return {
    model: scoreSet(p, y),
    lastState: scoreSet(last, y),
    rate10: scoreSet(rate, y),
    testRows: y.length,
    testPositives: y.filter((v) => v === 1).length,
    trainMs,
  };
}

/** Both targets (fails or needs a retry; finishes later than usual), each against its two naive baselines. */
export function evaluatePrediction(history: EnvHistory): PredictionResult {
  const idx = failureIndex(history);
  const failure = evaluateTarget(featureRows(history, idx), FEATURE_COUNT, 1, 0);
  const late = evaluateTarget(lateRows(idx, lateSeriesOf(history, idx)), LATE_COUNT, 1, 0);
  return { ...failure, late };
}
