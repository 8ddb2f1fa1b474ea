import type { RiskReason } from '../../../src-shared/domain/analytics';
import type { EnvHistory } from './history-types';
import { FEATURE_COUNT } from './model/feature-names';
import { failureIndex, featureRows, logDurations, writeFeatures } from './model/risk-features';
import { riskReasons } from './model/risk-reasons';
import { predictRisk, timeSplit, trainRiskModel, type RiskModel } from './model/risk-model';

export interface TaskRisk {
  readonly dagId: string;
  readonly taskId: string;
  readonly probability: number;
  readonly reasons: RiskReason[];
}

export interface RiskScoring {
  readonly model: RiskModel | null;
  readonly risks: TaskRisk[];
}

/**
 * Trains the failure model on this environment's history (time-ordered:
 * oldest 75 % trains, the newest 25 % calibrates) and scores the next run of
 * every task from all history up to "now".
 */
export function scoreRisks(history: EnvHistory): RiskScoring {
  const idx = failureIndex(history);
  const rows = featureRows(history, idx);
  const split = timeSplit(rows, 0.75, 0.25);
  let positives = 0;
  for (let r = 0; r < rows.length; r++) positives += rows.y[r] ?? 0;
  if (split.train.length < 200 || positives < 5) return { model: null, risks: [] };
  const model = trainRiskModel(rows, split.train, split.calibrate);
  const x = new Float64Array(FEATURE_COUNT);
  const risks: TaskRisk[] = [];
  for (const s of history.series) {
    if (s.length < 5) continue;
    const runs = history.runsByDag.get(s.dagId) ?? [];
    const version = runs[runs.length - 1]?.version ?? null;
    const { logDur, use } = logDurations(s);
    writeFeatures(s, s.length, history.asOfMs, version, idx, x, 0, logDur, use);
    const probability = predictRisk(model, x, 0);
    risks.push({ dagId: s.dagId, taskId: s.taskId, probability, reasons: riskReasons(model, x, 0) });
  }
  return { model, risks };
}
