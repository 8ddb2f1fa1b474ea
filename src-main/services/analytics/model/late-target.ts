import { formatSeconds } from '../detectors/format';
import { medianOfLast } from '../detectors/order-statistics';
import { SortedWindow } from '../detectors/sorted-window';
import type { TaskSeries } from '../history-types';
import type { FailureIndex, FeatureRows } from './risk-features';
import { countHolds, tenthsHold, yes, type ExplainedInputs } from './risk-reasons';

const HOUR = 3_600_000;
/** The usual finish is the 90th percentile of the last USUAL_WINDOW finish offsets (at least USUAL_MIN of them). */
const USUAL_WINDOW = 30;
const USUAL_MIN = 10;
const USUAL_Q = 0.9;

/**
 * Second target of the risk model: the instance finishes later than usual,
 * measured as its end against its run's due time (run_after, else the logical
 * date, else the run's start), above the 90th percentile of the task's
 * previous 30 finish offsets. Inputs: how often and how late it finished
 * recently, start and duration trends, the DAG's recent failures, the hour.
 */
export const LATE_INPUTS: ExplainedInputs = [
  {
    feature: 'late_rate_10',
    holds: tenthsHold,
    text: (v) => `finished later than usual in ${Math.round(v * 10)} of the last 10 runs`,
    mitigation: 'Tell the consumers of its data, and find what delays it (upstream arrival, queue, pool slots).',
  },
  {
    feature: 'last_late',
    holds: yes,
    text: () => 'the last run finished later than usual',
    mitigation: 'Check whether the cause of the last delay (slow upstream, busy pool) is still there.',
  },
  {
    feature: 'finish_trend',
    holds: (v) => v >= 0.05,
    text: (v) => `recent runs finish later than the usual spread (${v.toFixed(1)}×)`,
    mitigation: 'Start it earlier or give it more resources; move an SLA that no longer fits.',
  },
  {
    feature: 'start_trend',
    holds: (v) => v >= 0.05,
    text: (v) => `recent runs start later than usual (${v.toFixed(1)}× the usual spread)`,
    mitigation: 'Its upstream or the queue is slower: add pool slots or a sensor with a deadline on the upstream.',
  },
  {
    feature: 'duration_trend',
    holds: (v) => Math.round((Math.exp(v) - 1) * 100) >= 1,
    text: (v) => `recent runs ${Math.round((Math.exp(v) - 1) * 100)}% slower than usual`,
    mitigation: 'Raise execution_timeout or give the task more resources before it times out.',
  },
  {
    feature: 'fail_rate_10',
    holds: tenthsHold,
    text: (v) => `failed or needed a retry in ${Math.round(v * 10)} of the last 10 runs (retries finish late)`,
    mitigation: 'Fix the failing dependency: each retry pushes the finish past its usual time.',
  },
  {
    feature: 'dag_failures_24h',
    holds: countHolds,
    text: (v) => `${Math.round(Math.expm1(v))} failure(s) in this DAG in the last 24 h`,
    mitigation: 'Check the upstream tasks first; add a sensor on the upstream asset so it waits instead of failing.',
  },
  {
    feature: 'hour_sin',
    text: () => 'runs at an hour when it is often late',
    mitigation: 'Move the schedule away from the busy hour, or give the pool more slots then.',
  },
  {
    feature: 'hour_cos',
    text: () => 'runs at an hour when it is often late',
    mitigation: 'Move the schedule away from the busy hour, or give the pool more slots then.',
  },
  {
    feature: 'weekend',
    holds: yes,
    text: () => 'weekend runs are often late',
    mitigation: 'Check what differs at weekends (maintenance windows, shared batch jobs).',
  },
];
export const LATE_COUNT = LATE_INPUTS.length;

/** A task's finish offsets against its runs' due times, which instances finished late, and its usual finish before each. */
export interface LateSeries {
  readonly series: TaskSeries;
  /** Seconds from the run's due time to the end; NaN when unknown. */
  readonly finish: Float64Array;
  readonly start: Float64Array;
  /** 1 late, 0 on time, 255 unknown (not enough history or no end). */
  readonly late: Uint8Array;
  /** Usual finish offset (p90) and median, from the instances before each one. */
  readonly usual: Float64Array;
  readonly usualMedian: Float64Array;
  /** Log duration of successful instances; NaN for the others. */
  readonly logDur: Float64Array;
}

function dueOf(idx: FailureIndex, s: TaskSeries, i: number): number {
  const run = idx.runs.get(`${s.dagId}\u0000${s.runIds[i] ?? ''}`);
  if (!run) return NaN;
  return Number.isFinite(run.runAfterMs) ? run.runAfterMs : Number.isFinite(run.logicalMs) ? run.logicalMs : run.startMs;
}

export function lateSeries(s: TaskSeries, idx: FailureIndex, logDur: Float64Array, use: Uint8Array): LateSeries {
  const n = s.length;
  const out: LateSeries = {
    series: s,
    finish: new Float64Array(n),
    start: new Float64Array(n),
    late: new Uint8Array(n).fill(255),
    usual: new Float64Array(n + 1).fill(NaN),
    usualMedian: new Float64Array(n + 1).fill(NaN),
    logDur: logDur.map((v, k) => (use[k] === 1 ? v : NaN)),
  };
  const win = new SortedWindow(USUAL_WINDOW);
  for (let i = 0; i <= n; i++) {
    if (win.size >= USUAL_MIN) {
      out.usual[i] = win.quantile(USUAL_Q);
      out.usualMedian[i] = win.quantile(0.5);
    }
    if (i === n) break;
    const due = dueOf(idx, s, i);
    const finish = ((s.endMs[i] ?? NaN) - due) / 1000;
    out.finish[i] = finish;
    out.start[i] = ((s.startMs[i] ?? NaN) - due) / 1000;
    if (!Number.isFinite(finish)) continue;
    const usual = out.usual[i] ?? NaN;
    if (Number.isFinite(usual)) out.late[i] = finish > usual ? 1 : 0;
    win.push(finish, i);
  }
  return out;
}

const clip = (v: number, lo: number, hi: number): number => (Number.isFinite(v) ? Math.max(lo, Math.min(hi, v)) : 0);

/** Inputs of the lateness model for "the next instance of the task, starting at `at`", from its first `i` instances. */
export function writeLateFeatures(ls: LateSeries, i: number, at: number, idx: FailureIndex, out: Float64Array, offset: number): void {
  const s = ls.series;
  let late = 0;
  let known = 0;
  let failed = 0;
  const from = Math.max(0, i - 10);
  for (let k = from; k < i; k++) {
    if (ls.late[k] !== 255) {
      known++;
      late += ls.late[k] ?? 0;
    }
    failed += (s.failedTries[k] ?? 0) > 0 ? 1 : 0;
  }
  const usual = ls.usual[i] ?? NaN;
  const mid = ls.usualMedian[i] ?? NaN;
  const spread = Math.max(60, usual - mid);
  const recentDur = medianOfLast(ls.logDur, i, 5);
  const longerDur = medianOfLast(ls.logDur, i, 30);
  const hour = ((at % (24 * HOUR)) / HOUR) * ((2 * Math.PI) / 24);
  const dow = new Date(at).getUTCDay();
  out[offset] = known > 0 ? late / known : 0;
  out[offset + 1] = i > 0 && ls.late[i - 1] === 1 ? 1 : 0;
  out[offset + 2] = clip((medianOfLast(ls.finish, i, 5) - mid) / spread, -3, 3);
  out[offset + 3] = clip((medianOfLast(ls.start, i, 5) - medianOfLast(ls.start, i, 30)) / spread, -3, 3);
  out[offset + 4] = clip(recentDur - longerDur, -2, 2);
  out[offset + 5] = failed / Math.max(1, i - from);
  out[offset + 6] = Math.log1p(idx.byDag.get(s.dagId)?.count(at - 24 * HOUR, at) ?? 0);
  out[offset + 7] = Math.sin(hour);
  out[offset + 8] = Math.cos(hour);
  out[offset + 9] = dow === 0 || dow === 6 ? 1 : 0;
}

/** A row for every instance whose lateness is known (enough earlier instances to know its usual finish). */
export function lateRows(idx: FailureIndex, series: readonly LateSeries[]): FeatureRows {
  let total = 0;
  for (const ls of series) for (let i = 0; i < ls.series.length; i++) if (ls.late[i] !== 255) total++;
  const x = new Float64Array(total * LATE_COUNT);
  const y = new Uint8Array(total);
  const t = new Float64Array(total);
  const task = new Int32Array(total);
  let row = 0;
  series.forEach((ls, k) => {
    for (let i = 0; i < ls.series.length; i++) {
      if (ls.late[i] === 255) continue;
      const at = ls.series.startMs[i] ?? 0;
      writeLateFeatures(ls, i, at, idx, x, row * LATE_COUNT);
      y[row] = ls.late[i] ?? 0;
      t[row] = at;
      task[row] = k;
      row++;
    }
  });
  return { x, y, t, task, length: row };
}

/** The usual finish of the task's next run, in words (for the explanation). */
export function usualFinishText(ls: LateSeries): string | null {
  const usual = ls.usual[ls.series.length] ?? NaN;
  return Number.isFinite(usual) ? `usually done within ${formatSeconds(usual)} of its run's due time` : null;
}
