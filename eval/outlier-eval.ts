import type { EnvHistory } from '../src-main/services/analytics/history-types';
import { fitIsolationForest, isolationScore } from '../src-main/services/analytics/model/isolation-forest';
import type { SynthLabel } from '../src-main/services/synth/label-types';

const DAY = 86_400_000;
const D = 4;

/** Per task instance: log duration against the task's median, failed tries, queue-free start lag against the DAG run, hour. */
function runFeatures(history: EnvHistory): { x: Float64Array; keys: { dagId: string; t: number }[] } {
  const rows: number[] = [];
  const keys: { dagId: string; t: number }[] = [];
  for (const s of history.series) {
    const durations: number[] = [];
    for (let i = 0; i < s.length; i++) if ((s.durationS[i] ?? 0) > 0) durations.push(Math.log(s.durationS[i] ?? 1));
    durations.sort((a, b) => a - b);
    const med = durations[durations.length >> 1] ?? 0;
    for (let i = 0; i < s.length; i++) {
      const d = s.durationS[i] ?? NaN;
      rows.push(d > 0 ? Math.log(d) - med : 0, s.failedTries[i] ?? 0, s.exhausted[i] ?? 0, ((s.startMs[i] ?? 0) % DAY) / DAY);
      keys.push({ dagId: s.dagId, t: s.startMs[i] ?? 0 });
    }
  }
  return { x: Float64Array.from(rows), keys };
}

export interface OutlierResult {
  readonly precision: number;
  readonly recall: number;
  readonly f1: number;
  readonly alerts: number;
}

/**
 * The multivariate alternative: an Isolation Forest over per-instance
 * features, flagging the top `share` of scores; an alert is right when it
 * falls on a labelled DAG inside its incident window (kind-agnostic).
 */
export function evaluateIsolationForest(history: EnvHistory, labels: readonly SynthLabel[], alertsWanted: number): OutlierResult {
  const { x, keys } = runFeatures(history);
  const n = keys.length;
  const forest = fitIsolationForest(x, D, n, { trees: 100, sampleSize: 256, seed: 7 });
  const scored = keys.map((k, r) => ({ k, s: isolationScore(forest, x, r) })).sort((a, b) => b.s - a.s);
  const alerts = scored.slice(0, alertsWanted);
  const hit = (k: { dagId: string; t: number }, l: SynthLabel): boolean =>
    k.dagId === l.dagId && k.t >= Date.parse(l.startsAt) - DAY && k.t <= Date.parse(l.endsAt) + DAY;
  const right = alerts.filter((a) => labels.some((l) => hit(a.k, l))).length;
  const found = labels.filter((l) => alerts.some((a) => hit(a.k, l))).length;
  const precision = alerts.length === 0 ? 0 : right / alerts.length;
  const recall = labels.length === 0 ? 0 : found / labels.length;
  return { precision, recall, f1: precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall), alerts: alerts.length };
}
