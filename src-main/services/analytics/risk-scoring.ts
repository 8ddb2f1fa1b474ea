import type { RiskReason } from '../../../src-shared/domain/analytics';
import type { EnvHistory } from './history-types';
import { FEATURE_COUNT } from './model/feature-names';
import { LATE_COUNT, LATE_INPUTS, lateRows, lateSeries, usualFinishText, writeLateFeatures, type LateSeries } from './model/late-target';
import { failureIndex, featureRows, logDurations, writeFeatures, type FailureIndex, type FeatureRows } from './model/risk-features';
import { riskReasons, topReasons } from './model/risk-reasons';
import { predictRisk, timeSplit, trainRiskModel, type RiskModel } from './model/risk-model';

export interface TaskRisk {
  readonly dagId: string;
  readonly taskId: string;
  readonly probability: number;
  readonly reasons: RiskReason[];
  /** Probability that the next run finishes later than usual; null without a lateness model or a usual finish. */
  readonly lateProbability: number | null;
  readonly lateReasons: RiskReason[];
}

/** The two trained models of an environment: fails (or needs a retry), and finishes later than usual. */
export interface RiskModels {
  readonly failure: RiskModel | null;
  readonly late: RiskModel | null;
  /** Task instances the models were trained on (the service retrains once the history has grown enough). */
  readonly historyRows: number;
  readonly trainedForMs: number;
}

export interface RiskScoring {
  readonly model: RiskModel | null;
  readonly models: RiskModels;
  readonly risks: TaskRisk[];
}

const MIN_TRAIN_ROWS = 200;
const MIN_POSITIVES = 5;

/** Trains on the oldest 75 %, calibrates on the newest 25 % (time-ordered); null with too little history or too few positives. */
function trainOn(rows: FeatureRows, width: number): RiskModel | null {
  const split = timeSplit(rows, 0.75, 0.25);
  let positives = 0;
  for (let r = 0; r < rows.length; r++) positives += rows.y[r] ?? 0;
  if (split.train.length < MIN_TRAIN_ROWS || positives < MIN_POSITIVES) return null;
  return trainRiskModel(rows, split.train, split.calibrate, width);
}

export function lateSeriesOf(history: EnvHistory, idx: FailureIndex): LateSeries[] {
  return history.series.map((s) => {
    const { logDur, use } = logDurations(s);
    return lateSeries(s, idx, logDur, use);
  });
}

/** Trains both models on this environment's whole history. */
export function trainRiskModels(history: EnvHistory, idx: FailureIndex = failureIndex(history)): RiskModels {
  return {
    failure: trainOn(featureRows(history, idx), FEATURE_COUNT),
    late: trainOn(lateRows(idx, lateSeriesOf(history, idx)), LATE_COUNT),
    historyRows: history.taskInstanceCount,
    trainedForMs: history.asOfMs,
  };
}

/**
 * Scores the next run of every task from all history up to "now": the
 * probability that it fails (or needs a retry), and that it finishes later
 * than usual, each with its top reasons. Trains the models unless given.
 */
export function scoreRisks(history: EnvHistory, given?: RiskModels): RiskScoring {
  const idx = failureIndex(history);
  const models = given ?? trainRiskModels(history, idx);
  const model = models.failure;
  if (!model) return { model: null, models, risks: [] };
  const x = new Float64Array(FEATURE_COUNT);
  const lx = new Float64Array(LATE_COUNT);
  const risks: TaskRisk[] = [];
  for (const s of history.series) {
    if (s.length < 5) continue;
    const runs = history.runsByDag.get(s.dagId) ?? [];
    const version = runs[runs.length - 1]?.version ?? null;
    const { logDur, use } = logDurations(s);
    writeFeatures(s, s.length, history.asOfMs, version, idx, x, 0, logDur, use);
    const probability = predictRisk(model, x, 0);
    let lateProbability: number | null = null;
    let lateReasons: RiskReason[] = [];
    const ls = models.late ? lateSeries(s, idx, logDur, use) : null;
    const usual = ls ? usualFinishText(ls) : null;
    if (models.late && ls && usual) {
      writeLateFeatures(ls, s.length, history.asOfMs, idx, lx, 0);
      lateProbability = predictRisk(models.late, lx, 0, LATE_COUNT);
      lateReasons = [
        { feature: 'usual_finish', text: usual, weight: 0, mitigation: 'An SLA or a downstream schedule should leave room beyond this.' },
        ...topReasons(models.late, lx, 0, LATE_INPUTS, 2),
      ];
    }
    risks.push({
      dagId: s.dagId,
      taskId: s.taskId,
      probability,
      reasons: riskReasons(model, x, 0, 3, s.length),
      lateProbability,
      lateReasons,
    });
  }
  return { model, models, risks };
}
