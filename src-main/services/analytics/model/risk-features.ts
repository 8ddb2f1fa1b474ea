import { medianOfLast } from '../detectors/order-statistics';
import type { EnvHistory, RunInfo, TaskSeries } from '../history-types';
import { EventWindow } from './event-window';
import { FEATURE_COUNT } from './feature-names';

const HOUR = 3_600_000;
/** long_run_fail_rate: the share of the last LONG_RUN instances that failed or needed a retry, shrunk by LONG_RUN_PRIOR runs. */
const LONG_RUN = 500;
const LONG_RUN_PRIOR = 50;

/** The instances behind a long_run_fail_rate value `v` of a task with `runs` earlier instances: how many failed (or needed a retry) of how many. */
export function longRunCounts(v: number, runs: number): { failed: number; of: number } {
  const of = Math.min(runs, LONG_RUN);
  return { failed: Math.max(0, Math.round(v * (of + LONG_RUN_PRIOR) - 0.5)), of };
}

/** One task instance as the model sees it: features from strictly earlier history, and whether it failed (any try). */
export interface FeatureRows {
  readonly x: Float64Array;
  readonly y: Uint8Array;
  readonly t: Float64Array;
  /** Index of the series (task) each row belongs to. */
  readonly task: Int32Array;
  readonly length: number;
}

/** Failure instants env-wide, per DAG and per pool: the context features. */
export interface FailureIndex {
  readonly env: EventWindow;
  readonly byDag: ReadonlyMap<string, EventWindow>;
  readonly byPool: ReadonlyMap<string, EventWindow>;
  readonly runs: ReadonlyMap<string, RunInfo>;
}

function pushTo(m: Map<string, number[]>, key: string, t: number): void {
  const list = m.get(key);
  if (list) list.push(t);
  else m.set(key, [t]);
}

export function failureIndex(history: EnvHistory): FailureIndex {
  const env: number[] = [];
  const byDag = new Map<string, number[]>();
  const byPool = new Map<string, number[]>();
  for (const s of history.series) {
    for (let i = 0; i < s.length; i++) {
      if (s.exhausted[i] !== 1) continue;
      const t = s.endMs[i] ?? s.startMs[i] ?? 0;
      env.push(t);
      pushTo(byDag, s.dagId, t);
      if (s.pool) pushTo(byPool, s.pool, t);
    }
  }
  const runs = new Map<string, RunInfo>();
  for (const list of history.runsByDag.values()) for (const r of list) runs.set(`${r.dagId}\u0000${r.runId}`, r);
  const wrap = (m: Map<string, number[]>): Map<string, EventWindow> => new Map([...m].map(([k, v]) => [k, new EventWindow(v)]));
  return { env: new EventWindow(env), byDag: wrap(byDag), byPool: wrap(byPool), runs };
}

/**
 * Writes the features of "the next instance of task `s` starting at `at` on
 * `version`", given its first `i` instances, into `out` at `offset`.
 */
export function writeFeatures(
  s: TaskSeries,
  i: number,
  at: number,
  version: string | null,
  idx: FailureIndex,
  out: Float64Array,
  offset: number,
  logDur: Float64Array,
  use: Uint8Array,
): void {
  let failed10 = 0;
  let tries10 = 0;
  let failedTries10 = 0;
  const from = Math.max(0, i - 10);
  for (let k = from; k < i; k++) {
    failed10 += (s.failedTries[k] ?? 0) > 0 ? 1 : 0;
    tries10 += s.tries[k] ?? 1;
    failedTries10 += s.failedTries[k] ?? 0;
  }
  let streak = 0;
  for (let k = i - 1; k >= 0 && (s.failedTries[k] ?? 0) > 0 && streak < 5; k--) streak++;
  let failedAll = 0;
  for (let k = Math.max(0, i - LONG_RUN); k < i; k++) failedAll += (s.failedTries[k] ?? 0) > 0 ? 1 : 0;
  const recent = medianOfLast(logDur, i, 5, Math.max(0, i - 5), use);
  const longer = medianOfLast(logDur, i, 30, Math.max(0, i - 30), use);
  const prevRun = i > 0 ? idx.runs.get(`${s.dagId}\u0000${s.runIds[i - 1] ?? ''}`) : undefined;
  const hour = ((at % (24 * HOUR)) / HOUR) * ((2 * Math.PI) / 24);
  const dow = new Date(at).getUTCDay();
  const n = Math.max(1, i - from);
  out[offset] = failed10 / n;
  out[offset + 1] = i > 0 && (s.failedTries[i - 1] ?? 0) > 0 ? 1 : 0;
  out[offset + 2] = streak / 5;
  out[offset + 3] = tries10 > 0 ? failedTries10 / tries10 : 0;
  out[offset + 4] = Number.isFinite(recent - longer) ? Math.max(-2, Math.min(2, recent - longer)) : 0;
  out[offset + 5] = Math.log1p(idx.byDag.get(s.dagId)?.count(at - 24 * HOUR, at) ?? 0);
  out[offset + 6] = Math.log1p(idx.env.count(at - 6 * HOUR, at));
  out[offset + 7] = version !== null && prevRun?.version != null && prevRun.version !== version ? 1 : 0;
  out[offset + 8] = Math.sin(hour);
  out[offset + 9] = Math.cos(hour);
  out[offset + 10] = dow === 0 || dow === 6 ? 1 : 0;
  out[offset + 11] = (failedAll + 0.5) / (Math.min(i, LONG_RUN) + LONG_RUN_PRIOR);
  out[offset + 12] = Math.log1p(s.pool ? (idx.byPool.get(s.pool)?.count(at - 24 * HOUR, at) ?? 0) : 0);
}

export function logDurations(s: TaskSeries): { logDur: Float64Array; use: Uint8Array } {
  const logDur = new Float64Array(s.length);
  const use = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) {
    const d = s.durationS[i] ?? NaN;
    if (s.succeeded[i] === 1 && d > 0) {
      use[i] = 1;
      logDur[i] = Math.log(d);
    }
  }
  return { logDur, use };
}

/** What the model predicts: the instance fails, or needs a retry to succeed. */
export function troubled(s: TaskSeries, i: number): boolean {
  return s.exhausted[i] === 1 || (s.failedTries[i] ?? 0) > 0;
}

/** A feature row for every task instance that has at least `minHistory` earlier ones. */
export function featureRows(history: EnvHistory, idx: FailureIndex = failureIndex(history), minHistory = 5): FeatureRows {
  let total = 0;
  for (const s of history.series) total += Math.max(0, s.length - minHistory);
  const x = new Float64Array(total * FEATURE_COUNT);
  const y = new Uint8Array(total);
  const t = new Float64Array(total);
  const task = new Int32Array(total);
  let row = 0;
  history.series.forEach((s, k) => {
    const { logDur, use } = logDurations(s);
    for (let i = minHistory; i < s.length; i++) {
      const at = s.startMs[i] ?? 0;
      const version = idx.runs.get(`${s.dagId}\u0000${s.runIds[i] ?? ''}`)?.version ?? null;
      writeFeatures(s, i, at, version, idx, x, row * FEATURE_COUNT, logDur, use);
      y[row] = troubled(s, i) ? 1 : 0;
      t[row] = at;
      task[row] = k;
      row++;
    }
  });
  return { x, y, t, task, length: row };
}
