import type { AnomalyKind } from '../src-shared/domain/analytics';
import type { Finding } from '../src-main/services/analytics/finding';
import type { EnvHistory, TaskSeries } from '../src-main/services/analytics/history-types';

const DAY = 86_400_000;

/**
 * The alert rules monitoring tools ship out of the box, run over the same
 * history as the detectors: a fixed duration threshold, a z-score on the
 * duration, "failed N times in a row". Each alerts once when its condition
 * starts to hold (as a monitor does on OK → ALERT) and again only after it
 * cleared.
 */
export interface Baseline {
  readonly name: string;
  /** The finding kind its alerts stand for (what the matcher compares with the labels). */
  readonly kind: AnomalyKind;
  alerts(history: EnvHistory): Finding[];
}

function alert(s: TaskSeries, kind: AnomalyKind, from: number, to: number, title: string): Finding {
  return {
    kind,
    dagId: s.dagId,
    taskId: s.taskId,
    runId: s.runIds[from] ?? null,
    severity: 'medium',
    score: 5,
    startsMs: s.startMs[from] ?? 0,
    endsMs: s.endMs[to] ?? 0,
    detectedMs: s.endMs[from] ?? 0,
    title,
    expected: '',
    observed: '',
    why: '',
    unit: '',
    series: [],
    causes: [],
    runIds: [],
  };
}

/** One alert per stretch of consecutive instances where `on(i)` holds (instances it skips, such as failures, neither start nor end one). */
function transitions(s: TaskSeries, kind: AnomalyKind, title: string, on: (i: number) => boolean | null): Finding[] {
  const out: Finding[] = [];
  let from = -1;
  let last = -1;
  for (let i = 0; i < s.length; i++) {
    const v = on(i);
    if (v === null) continue;
    if (v && from < 0) from = i;
    if (v) last = i;
    if (!v && from >= 0) {
      out.push(alert(s, kind, from, last, title));
      from = -1;
    }
  }
  if (from >= 0) out.push(alert(s, kind, from, last, title));
  return out;
}

const duration = (s: TaskSeries, i: number): number | null =>
  s.succeeded[i] === 1 && (s.durationS[i] ?? 0) > 0 ? (s.durationS[i] ?? 0) : null;

function median(values: number[]): number {
  const v = values.sort((a, b) => a - b);
  return v[v.length >> 1] ?? NaN;
}

/** Duration above a fixed threshold: `factor` × the task's median over its first week, set once (what a static monitor is configured with). */
export function fixedThreshold(factor = 2): Baseline {
  return {
    name: `fixed duration threshold (${factor}× first-week median)`,
    kind: 'duration_spike',
    alerts: (history) =>
      history.series.flatMap((s) => {
        const first: number[] = [];
        for (let i = 0; i < s.length && (s.startMs[i] ?? 0) < (s.startMs[0] ?? 0) + 7 * DAY; i++) {
          const d = duration(s, i);
          if (d !== null) first.push(d);
        }
        if (first.length < 3) return [];
        const threshold = factor * median(first);
        return transitions(s, 'duration_spike', 'duration above fixed threshold', (i) => {
          const d = duration(s, i);
          return d === null ? null : d > threshold;
        });
      }),
  };
}

/** Duration more than `z` standard deviations above the mean of the task's previous `window` successful instances. */
export function zScore(z = 3, window = 30): Baseline {
  return {
    name: `duration z-score (> ${z} σ over the last ${window})`,
    kind: 'duration_spike',
    alerts: (history) =>
      history.series.flatMap((s) => {
        const recent: number[] = [];
        return transitions(s, 'duration_spike', 'duration z-score', (i) => {
          const d = duration(s, i);
          if (d === null) return null;
          let verdict: boolean | null = null;
          if (recent.length >= window) {
            const mean = recent.reduce((a, b) => a + b, 0) / recent.length;
            const sd = Math.sqrt(recent.reduce((a, b) => a + (b - mean) ** 2, 0) / (recent.length - 1));
            verdict = sd > 0 && (d - mean) / sd > z;
          }
          recent.push(d);
          if (recent.length > window) recent.shift();
          return verdict;
        });
      }),
  };
}

/** A task whose last `n` instances all failed. */
export function failedInARow(n = 3): Baseline {
  return {
    name: `failed ${n} times in a row`,
    kind: 'failure_burst',
    alerts: (history) =>
      history.series.flatMap((s) => {
        const out: Finding[] = [];
        let streak = 0;
        for (let i = 0; i < s.length; i++) {
          streak = s.succeeded[i] === 1 ? 0 : streak + 1;
          if (streak === n) {
            const f = alert(s, 'failure_burst', i - n + 1, i, `failed ${n} times in a row`);
            out.push({ ...f, detectedMs: s.endMs[i] ?? 0 });
          }
        }
        return out;
      }),
  };
}

export const BASELINES: readonly Baseline[] = [fixedThreshold(), zScore(), failedInARow()];
