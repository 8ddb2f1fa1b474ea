import type { SeriesPoint } from '../../../../src-shared/domain/analytics';
import { severityOf, type Finding } from '../finding';
import type { TaskSeries } from '../history-types';
import { finiteOrNull, formatDay, formatSeconds, isoOf } from './format';
import { Scratch, upperMedianInPlace } from './order-statistics';
import { seasonalOffsets } from './seasonal-offsets';
import { SortedWindow } from './sorted-window';

const DAY = 86_400_000;

export interface DurationParams {
  readonly window: number;
  readonly windowDays: number;
  readonly minSamples: number;
  readonly spikeRatio: number;
  readonly spikeZ: number;
  /** A spike must also exceed the window's largest value by this factor (tasks with heavy tails, such as sensors). */
  readonly spikeOverMax: number;
  readonly sigmaFloor: number;
  readonly cusumK: number;
  /** CUSUM threshold of a task that runs several times a day. */
  readonly cusumH: number;
  /** CUSUM threshold of a task that runs at most `sparsePerDay` times a day: fewer samples a day, so a lower bar keeps a slowdown's delay within days. */
  readonly cusumHSparse: number;
  readonly sparsePerDay: number;
  readonly slowRatio: number;
  /** The CUSUM compares with a baseline this many days old (refWindow samples at most). */
  readonly refLagDays: number;
  readonly refWindow: number;
}

export const DURATION_PARAMS: DurationParams = {
  window: 64,
  windowDays: 30,
  minSamples: 16,
  spikeRatio: 3,
  spikeZ: 4.5,
  spikeOverMax: 1.5,
  sigmaFloor: 0.06,
  cusumK: 0.5,
  cusumH: 20,
  cusumHSparse: 10,
  sparsePerDay: 4,
  slowRatio: 1.6,
  refLagDays: 7,
  refWindow: 128,
};

/** Per-instance robust baseline of a task (log seconds), kept for explanations. */
interface Baseline {
  readonly offset: Float64Array;
  readonly median: Float64Array;
  readonly sigma: Float64Array;
}

interface Alarm {
  readonly changeIdx: number;
  readonly alarmIdx: number;
  readonly median: number;
  readonly sigma: number;
  readonly recent: number;
}

const RECENT = 7;

const scratch = new Float64Array(RECENT);

function recentMedian(ring: Float64Array, size: number): number {
  for (let i = 0; i < size; i++) scratch[i] = ring[i] ?? 0;
  return upperMedianInPlace(scratch, 0, size);
}

/** Per-series working arrays, reused from one series to the next (findings copy what they keep). */
const logsBuf = new Scratch();
const residBuf = new Scratch();
const offsetBuf = new Scratch();
const medianBuf = new Scratch();
const sigmaBuf = new Scratch();
const diffBuf = new Scratch();
let useBuf = new Uint8Array(1024);
let pendingBuf = new Int32Array(1024);
const ringBuf = new Float64Array(RECENT);
const windows = new Map<number, SortedWindow>();

/** An empty sorted window of this capacity, reused across series. */
function emptyWindow(capacity: number, slot: number): SortedWindow {
  const key = capacity * 2 + slot;
  let w = windows.get(key);
  if (!w) windows.set(key, (w = new SortedWindow(capacity)));
  w.clear();
  return w;
}

function pointAt(s: TaskSeries, b: Baseline, i: number, flagged: boolean, frozen: { m: number; sg: number } | null): SeriesPoint {
  const m = frozen ? frozen.m : (b.median[i] ?? NaN);
  const sg = frozen ? frozen.sg : (b.sigma[i] ?? NaN);
  const off = b.offset[i] ?? 0;
  return {
    t: isoOf(s.startMs[i] ?? 0),
    observed: finiteOrNull(s.durationS[i] ?? NaN),
    expected: finiteOrNull(Math.exp(m + off)),
    lo: finiteOrNull(Math.exp(m + off - 2 * sg)),
    hi: finiteOrNull(Math.exp(m + off + 2 * sg)),
    flagged,
    runId: s.runIds[i] ?? null,
  };
}

/** Noise of a series from successive differences (1.4826 × MAD / √2): immune to level shifts and slow drift. */
function noiseSigma(r: Float64Array, use: Uint8Array, n: number): number {
  const diffs = diffBuf.get(n);
  let count = 0;
  let prev = NaN;
  for (let i = 0; i < n; i++) {
    if (use[i] !== 1) continue;
    if (Number.isFinite(prev)) diffs[count++] = Math.abs((r[i] ?? 0) - prev);
    prev = r[i] ?? 0;
  }
  if (count < 8) return 0;
  return (1.4826 * upperMedianInPlace(diffs, 0, count)) / Math.SQRT2;
}

function usable(s: TaskSeries, i: number): boolean {
  const d = s.durationS[i] ?? NaN;
  return s.succeeded[i] === 1 && d > 0;
}

function seriesRange(
  s: TaskSeries,
  b: Baseline,
  from: number,
  to: number,
  flagged: ReadonlySet<number>,
  frozenFrom: number,
  frozen: { m: number; sg: number } | null,
): SeriesPoint[] {
  const out: SeriesPoint[] = [];
  for (let i = Math.max(0, from); i <= Math.min(s.length - 1, to); i++) {
    if (usable(s, i)) out.push(pointAt(s, b, i, flagged.has(i), frozen && i >= frozenFrom ? frozen : null));
  }
  return out;
}

/** What a long run holds up: its downstream tasks where it has some, else only its run's end. */
export function spikeImpact(s: Pick<TaskSeries, 'downstream'>): string {
  const n = s.downstream.length;
  return n > 0
    ? `it held up its ${n} downstream task${n > 1 ? 's' : ''} and the run's end.`
    : "it held up its run's end (no task is downstream of it).";
}

function spikeFinding(s: TaskSeries, b: Baseline, idx: readonly number[]): Finding {
  const first = idx[0] ?? 0;
  const last = idx[idx.length - 1] ?? first;
  let worst = first;
  let worstZ = -Infinity;
  for (const i of idx) {
    const z = (Math.log(s.durationS[i] ?? 1) - (b.offset[i] ?? 0) - (b.median[i] ?? 0)) / (b.sigma[i] ?? 1);
    if (z > worstZ) {
      worstZ = z;
      worst = i;
    }
  }
  const expected = Math.exp((b.median[worst] ?? 0) + (b.offset[worst] ?? 0));
  const lo = expected * Math.exp(-2 * (b.sigma[worst] ?? 0));
  const hi = expected * Math.exp(2 * (b.sigma[worst] ?? 0));
  const observed = s.durationS[worst] ?? NaN;
  const ratio = observed / expected;
  const more = idx.length > 1 ? ` (${idx.length} runs in a row)` : '';
  // Several spiked runs in a row weigh more than one.
  const score = Math.min(30, worstZ + 2 * (idx.length - 1));
  return {
    kind: 'duration_spike',
    dagId: s.dagId,
    taskId: s.taskId,
    runId: s.runIds[worst] ?? null,
    severity: severityOf(score),
    score,
    startsMs: s.startMs[first] ?? 0,
    endsMs: s.endMs[last] ?? 0,
    detectedMs: s.endMs[first] ?? 0,
    title: `${s.taskId} ran ${ratio.toFixed(1)}× longer than usual${more}`,
    expected: `about ${formatSeconds(expected)} (usual range ${formatSeconds(lo)}–${formatSeconds(hi)} at this hour and weekday)`,
    observed: `${formatSeconds(observed)} in run ${s.runIds[worst] ?? '?'}${more}`,
    why: `${worstZ.toFixed(1)} robust standard deviations above the task's own baseline (median and spread of the last 30 days, adjusted for hour and weekday): ${spikeImpact(s)}`,
    unit: 's',
    series: seriesRange(s, b, first - 24, last + 6, new Set(idx), Infinity, null),
    causes: [],
    runIds: idx.map((i) => s.runIds[i] ?? ''),
  };
}

function slowdownFinding(s: TaskSeries, b: Baseline, alarms: readonly Alarm[]): Finding {
  const a0 = alarms[0] as Alarm;
  const aN = alarms[alarms.length - 1] as Alarm;
  const usual = Math.exp(a0.median);
  const recent = Math.exp(aN.recent);
  const ratio = Math.exp(aN.recent - a0.median);
  const score = Math.min(30, (aN.recent - a0.median) / a0.sigma);
  const since = s.startMs[a0.changeIdx] ?? 0;
  const alarmIdx = new Set(alarms.map((a) => a.alarmIdx));
  return {
    kind: 'gradual_slowdown',
    dagId: s.dagId,
    taskId: s.taskId,
    runId: s.runIds[aN.alarmIdx] ?? null,
    severity: severityOf(Math.max(5, score)),
    score: Math.max(5, score),
    startsMs: since,
    endsMs: s.endMs[aN.alarmIdx] ?? since,
    detectedMs: s.endMs[a0.alarmIdx] ?? since,
    title: `${s.taskId} is gradually slowing down (${Math.round((ratio - 1) * 100)}% slower)`,
    expected: `about ${formatSeconds(usual)} (seasonally adjusted baseline before ${formatDay(since)})`,
    observed: `recent median ${formatSeconds(recent)}, drifting up since about ${formatDay(since)}`,
    why: 'A CUSUM of the adjusted durations crossed its threshold: a sustained drift rather than a one-off spike. Left alone it keeps growing (check data volume, query plans, resource limits).',
    unit: 's',
    series: seriesRange(s, b, a0.changeIdx - 30, aN.alarmIdx + 5, alarmIdx, a0.changeIdx, { m: a0.median, sg: a0.sigma }),
    causes: [],
    runIds: alarms.map((a) => s.runIds[a.alarmIdx] ?? ''),
  };
}

function groupSpikes(s: TaskSeries, spikes: readonly number[]): number[][] {
  const groups: number[][] = [];
  for (const i of spikes) {
    const g = groups[groups.length - 1];
    const prev = g?.[g.length - 1];
    if (g && prev !== undefined && i - prev <= 3 && (s.startMs[i] ?? 0) - (s.startMs[prev] ?? 0) <= 2 * DAY) g.push(i);
    else groups.push([i]);
  }
  return groups;
}

function groupAlarms(s: TaskSeries, alarms: readonly Alarm[]): Alarm[][] {
  const groups: Alarm[][] = [];
  for (const a of alarms) {
    const g = groups[groups.length - 1];
    const prev = g?.[g.length - 1];
    if (g && prev && (s.startMs[a.alarmIdx] ?? 0) - (s.startMs[prev.alarmIdx] ?? 0) <= 14 * DAY) g.push(a);
    else groups.push([a]);
  }
  return groups;
}

/**
 * Duration anomalies of one task: spikes against a rolling robust baseline
 * (median and IQR over the last 30 days, hour/weekday adjusted) and gradual
 * slowdowns by a one-sided CUSUM that freezes the baseline while it climbs.
 */
export function detectDurations(s: TaskSeries, p: DurationParams = DURATION_PARAMS): Finding[] {
  const n = s.length;
  if (useBuf.length < n) useBuf = new Uint8Array(Math.max(n, useBuf.length * 2));
  if (pendingBuf.length < n) pendingBuf = new Int32Array(Math.max(n, pendingBuf.length * 2));
  const logs = logsBuf.get(n);
  const use = useBuf;
  for (let i = 0; i < n; i++) {
    use[i] = 0;
    logs[i] = 0;
    if (!usable(s, i)) continue;
    use[i] = 1;
    logs[i] = Math.log(s.durationS[i] ?? 1);
  }
  // Hour and weekday of the data (the run's logical date), not of the execution: a catch-up run keeps its own day.
  const offset = seasonalOffsets(logs.subarray(0, n), s.logicalMs ?? s.startMs, use, offsetBuf.get(n));
  const b: Baseline = { offset, median: medianBuf.get(n).fill(NaN, 0, n), sigma: sigmaBuf.get(n).fill(NaN, 0, n) };
  const resid = residBuf.get(n);
  for (let i = 0; i < n; i++) resid[i] = (logs[i] ?? 0) - (offset[i] ?? 0);
  const noise = Math.max(p.sigmaFloor, noiseSigma(resid, use, n));
  const logSpikeRatio = Math.log(p.spikeRatio);
  const logOverMax = Math.log(p.spikeOverMax);
  const logSlowRatio = Math.log(p.slowRatio);
  const spanDays = ((s.startMs[n - 1] ?? 0) - (s.startMs[0] ?? 0)) / DAY;
  const cusumH = spanDays > 0 && n / spanDays <= p.sparsePerDay ? p.cusumHSparse : p.cusumH;
  const win = emptyWindow(p.window, 0);
  // The CUSUM's reference lags by refLagDays so a slow drift cannot drag its own baseline along.
  const ref = emptyWindow(p.refWindow, 1);
  const pending = pendingBuf;
  let pendingHead = 0;
  let pendingTail = 0;
  const ring = ringBuf;
  let ringSize = 0;
  let ringNext = 0;
  const spikes: number[] = [];
  const alarms: Alarm[] = [];
  let cusum = 0;
  let changeIdx = -1;
  let spikeRun = 0;
  for (let i = 0; i < n; i++) {
    if (use[i] !== 1) continue;
    const t = s.startMs[i] ?? 0;
    const r = resid[i] ?? 0;
    win.evictBefore(t - p.windowDays * DAY);
    while (pendingHead < pendingTail && (s.startMs[pending[pendingHead] ?? 0] ?? 0) < t - p.refLagDays * DAY) {
      const k = pending[pendingHead++] ?? 0;
      ref.push(resid[k] ?? 0, s.startMs[k] ?? 0);
    }
    ref.evictBefore(t - (p.refLagDays + p.windowDays) * DAY);
    if (win.size >= p.minSamples) {
      const m = win.quantile(0.5);
      const sg = Math.max(noise, (win.quantile(0.75) - win.quantile(0.25)) / 1.349);
      b.median[i] = m;
      b.sigma[i] = sg;
      const z = (r - m) / sg;
      if (r - m >= logSpikeRatio && z >= p.spikeZ && r >= win.quantile(1) + logOverMax) {
        spikes.push(i);
        if (++spikeRun < 6) continue;
      }
      spikeRun = 0;
    }
    win.push(r, t);
    pending[pendingTail++] = i;
    ring[ringNext] = r;
    ringNext = (ringNext + 1) % RECENT;
    ringSize = Math.min(RECENT, ringSize + 1);
    if (ref.size < p.minSamples) continue;
    const mRef = ref.quantile(0.5);
    const zRef = (r - mRef) / noise;
    cusum = Math.max(0, cusum + Math.max(-3, Math.min(3, zRef)) - p.cusumK);
    if (cusum === 0) changeIdx = i;
    if (cusum < cusumH || ringSize < 5) continue;
    const recent = recentMedian(ring, ringSize);
    if (recent - mRef >= logSlowRatio) {
      alarms.push({ changeIdx: Math.max(0, changeIdx + 1), alarmIdx: i, median: mRef, sigma: noise, recent });
      cusum = 0;
    }
  }
  return [...groupSpikes(s, spikes).map((g) => spikeFinding(s, b, g)), ...groupAlarms(s, alarms).map((g) => slowdownFinding(s, b, g))];
}
