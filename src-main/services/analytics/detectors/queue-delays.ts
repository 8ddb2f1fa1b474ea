import type { TaskSeries } from '../history-types';
import { medianInPlace, medianOfLast } from './order-statistics';

export interface QueueParams {
  /** Instances of the task before this one that make its baseline (the median queue delay). */
  readonly baselineRuns: number;
  /** A task needs this many earlier instances with a known queue delay before any can spike. */
  readonly minRuns: number;
  /** A delay spikes when it is at least `factor` × the baseline and `floorS` seconds above it (second-level noise never does). */
  readonly factor: number;
  readonly floorS: number;
  /** Spikes in one pool less than this far apart are one episode. */
  readonly gapMinutes: number;
  /** An episode needs this many spiking instances. */
  readonly minInstances: number;
}

export const QUEUE_PARAMS: QueueParams = { baselineRuns: 30, minRuns: 10, factor: 6, floorS: 180, gapMinutes: 30, minInstances: 2 };

/** One task instance that waited far longer in the queue than its task usually does. */
export interface QueueSpike {
  readonly dagId: string;
  readonly taskId: string;
  readonly pool: string;
  readonly runId: string;
  readonly queuedMs: number;
  readonly startMs: number;
  readonly delayS: number;
  readonly baselineS: number;
  /** The delay above which it counted as a spike. */
  readonly thresholdS: number;
}

/** Reused across tasks: the delays of the task being scored. */
let buffer = new Float64Array(1024);

function delaysOf(s: TaskSeries): Float64Array {
  if (buffer.length < s.length) buffer = new Float64Array(Math.max(s.length, buffer.length * 2));
  for (let i = 0; i < s.length; i++) buffer[i] = ((s.startMs[i] ?? NaN) - (s.queuedMs[i] ?? NaN)) / 1000;
  return buffer;
}

const HOUR = 3_600_000;
const DAY = 86_400_000;
/** Earlier instances queued at the same hour of the day that make the daily baseline (queues are longer at some hours). */
const SAME_HOUR_RUNS = 10;
const SAME_HOUR_SCAN = 24 * SAME_HOUR_RUNS;
const sameHour = new Float64Array(SAME_HOUR_RUNS);

/** Median delay of the last instances before `i` queued at the same hour of the day (NaN when none). */
function sameHourMedian(s: TaskSeries, d: Float64Array, i: number): number {
  const hour = Math.floor(((s.queuedMs[i] ?? 0) % DAY) / HOUR);
  let m = 0;
  for (let k = i - 1; k >= Math.max(0, i - SAME_HOUR_SCAN) && m < SAME_HOUR_RUNS; k--) {
    const v = d[k] ?? NaN;
    if (Number.isFinite(v) && Math.floor(((s.queuedMs[k] ?? 0) % DAY) / HOUR) === hour) sameHour[m++] = v;
  }
  return m === 0 ? NaN : medianInPlace(sameHour, 0, m);
}

/**
 * The task's instances whose queued→start delay was far above the median of
 * its previous `baselineRuns` instances and of its last instances queued at
 * the same hour of the day (whichever is higher). Per task (cached by the task's rows);
 * the median is computed only for delays already above the floor, so a task
 * that starts within seconds costs one pass.
 */
export function queueSpikes(s: TaskSeries, p: QueueParams = QUEUE_PARAMS): QueueSpike[] {
  const out: QueueSpike[] = [];
  if (s.length <= p.minRuns) return out;
  const d = delaysOf(s);
  let known = 0;
  for (let i = 0; i < s.length; i++) {
    const delay = d[i] ?? NaN;
    if (!Number.isFinite(delay)) continue;
    known++;
    if (delay < p.floorS || known <= p.minRuns) continue;
    const daily = sameHourMedian(s, d, i);
    const baselineS = Math.max(0, medianOfLast(d, i, p.baselineRuns), Number.isFinite(daily) ? daily : 0);
    const thresholdS = Math.max(baselineS * p.factor, baselineS + p.floorS);
    if (delay < thresholdS) continue;
    out.push({
      dagId: s.dagId,
      taskId: s.taskId,
      pool: s.pool ?? 'default_pool',
      runId: s.runIds[i] ?? '',
      queuedMs: s.queuedMs[i] ?? 0,
      startMs: s.startMs[i] ?? 0,
      delayS: delay,
      baselineS,
      thresholdS,
    });
  }
  return out;
}
