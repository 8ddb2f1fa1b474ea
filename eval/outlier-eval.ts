import type { EnvHistory } from '../src-main/services/analytics/history-types';
import { fitIsolationForest, isolationScore } from '../src-main/services/analytics/model/isolation-forest';
import { logKey, type MinedPatterns } from '../src-main/services/analytics/patterns/pattern-miner';
import type { SynthLabel } from '../src-main/services/synth/label-types';

const DAY = 86_400_000;
const MINUTE = 60_000;
const D = 10;

/** Per DAG: each run's lateness (minutes queued after its due time) and its gap to the previous run over the DAG's median gap. */
function runTiming(history: EnvHistory): Map<string, { late: number; gap: number; versionChanged: number }> {
  const out = new Map<string, { late: number; gap: number; versionChanged: number }>();
  for (const [dagId, runs] of history.runsByDag) {
    const gaps: number[] = [];
    for (let i = 1; i < runs.length; i++) gaps.push((runs[i]?.logicalMs ?? NaN) - (runs[i - 1]?.logicalMs ?? NaN));
    const finite = gaps.filter(Number.isFinite).sort((a, b) => a - b);
    const usual = finite[finite.length >> 1] ?? NaN;
    runs.forEach((r, i) => {
      const prev = runs[i - 1];
      const late = Number.isFinite(r.queuedMs - r.runAfterMs) ? Math.max(0, (r.queuedMs - r.runAfterMs) / MINUTE) : 0;
      const gap = prev && usual > 0 ? (r.logicalMs - prev.logicalMs) / usual : 1;
      out.set(`${dagId}\u0000${r.runId}`, {
        late: Math.log1p(late),
        gap: Number.isFinite(gap) ? gap : 1,
        versionChanged: prev && prev.version !== r.version ? 1 : 0,
      });
    });
  }
  return out;
}

/**
 * Per task instance, every signal a detector reads: log duration against the
 * task's median (spikes, slowdowns), failed tries, exhausted, the failed
 * streak so far (bursts), the queue wait (queue spikes), the run's lateness
 * and its gap to the previous run (late and missed schedules), a DAG version
 * change (bad deploys), a never-seen error pattern (new errors), the hour.
 */
function runFeatures(history: EnvHistory, mined: MinedPatterns): { x: Float64Array; keys: { dagId: string; t: number }[] } {
  const rows: number[] = [];
  const keys: { dagId: string; t: number }[] = [];
  const timing = runTiming(history);
  const newPattern = new Set(mined.patterns.filter((p) => p.isNew).map((p) => p.patternId));
  for (const s of history.series) {
    const durations: number[] = [];
    for (let i = 0; i < s.length; i++) if ((s.durationS[i] ?? 0) > 0) durations.push(Math.log(s.durationS[i] ?? 1));
    durations.sort((a, b) => a - b);
    const med = durations[durations.length >> 1] ?? 0;
    let streak = 0;
    for (let i = 0; i < s.length; i++) {
      const d = s.durationS[i] ?? NaN;
      streak = s.exhausted[i] === 1 ? streak + 1 : 0;
      const runId = s.runIds[i] ?? '';
      const run = timing.get(`${s.dagId}\u0000${runId}`);
      const wait = (s.startMs[i] ?? NaN) - (s.queuedMs[i] ?? NaN);
      let fresh = 0;
      for (let t = 1; t <= (s.tries[i] ?? 1); t++) {
        const p = mined.byLog.get(logKey(s.dagId, runId, s.taskId, s.mapIndexes[i] ?? -1, t));
        if (p !== undefined && newPattern.has(p)) fresh = 1;
      }
      rows.push(
        d > 0 ? Math.log(d) - med : 0,
        s.failedTries[i] ?? 0,
        s.exhausted[i] ?? 0,
        Math.min(10, streak),
        Number.isFinite(wait) ? Math.log1p(Math.max(0, wait) / 1000) : 0,
        run?.late ?? 0,
        run?.gap ?? 1,
        run?.versionChanged ?? 0,
        fresh,
        ((s.startMs[i] ?? 0) % DAY) / DAY,
      );
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
 * features (every signal the detectors read), flagging the top `share` of scores; an alert is right when it
 * falls on a labelled DAG inside its incident window (kind-agnostic).
 */
export function evaluateIsolationForest(
  history: EnvHistory,
  mined: MinedPatterns,
  labels: readonly SynthLabel[],
  alertsWanted: number,
): OutlierResult {
  const { x, keys } = runFeatures(history, mined);
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
