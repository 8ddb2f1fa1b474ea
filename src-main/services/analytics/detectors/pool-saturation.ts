import type { TaskSeries } from '../history-types';
import { firstIndexFrom } from './time-search';

const MINUTE = 60_000;
const DAY = 86_400_000;
/** Instances of one task looked back from a time to find those still running (long overlaps are rare). */
const LOOK_BACK = 64;
const MAX_SAMPLES = 60;

/** First index whose start is after `t` (series are ordered by start). */
function upperBound(starts: Float64Array, n: number, t: number): number {
  return firstIndexFrom(starts, n, t, true);
}

function runningAt(series: readonly TaskSeries[], t: number): number {
  let n = 0;
  for (const s of series) {
    const to = upperBound(s.startMs, s.length, t);
    for (let i = to - 1; i >= Math.max(0, to - LOOK_BACK); i--) if ((s.endMs[i] ?? 0) > t) n++;
  }
  return n;
}

/** Times spread over [from, to], at most every two minutes. */
function sampleTimes(from: number, to: number): number[] {
  const count = Math.max(2, Math.min(MAX_SAMPLES, Math.ceil((to - from) / (2 * MINUTE))));
  return Array.from({ length: count }, (_, k) => from + ((to - from) * k) / (count - 1));
}

export interface PoolSaturation {
  readonly saturated: boolean;
  /** Most instances running in the pool at once during the window. */
  readonly peakRunning: number;
  /** The pool's slots where synced, else the most running at the same times of the week before. */
  readonly capacity: number;
  readonly capacityKnown: boolean;
  /** Tasks with the most running time in the pool during the window, "dag.task". */
  readonly hogs: readonly { readonly task: string; readonly minutes: number }[];
}

function hogsOf(series: readonly TaskSeries[], from: number, to: number): { task: string; minutes: number }[] {
  const out: { task: string; minutes: number }[] = [];
  for (const s of series) {
    const end = upperBound(s.startMs, s.length, to);
    let ms = 0;
    for (let i = end - 1; i >= Math.max(0, end - LOOK_BACK); i--) {
      const overlap = Math.min(to, s.endMs[i] ?? 0) - Math.max(from, s.startMs[i] ?? 0);
      if (overlap > 0) ms += overlap;
    }
    if (ms > 0) out.push({ task: `${s.dagId}.${s.taskId}`, minutes: Math.round(ms / MINUTE) });
  }
  return out.sort((a, b) => b.minutes - a.minutes || (a.task < b.task ? -1 : 1)).slice(0, 3);
}

/**
 * Whether the pool's slots were all in use while tasks waited in [from, to]:
 * against the synced slot count, or (slots unknown) a plateau of the running
 * count at least as high as at the same times on each of the 7 days before.
 */
export function poolSaturation(poolSeries: readonly TaskSeries[], slots: number | undefined, from: number, to: number): PoolSaturation {
  const times = sampleTimes(from, to);
  const running = times.map((t) => runningAt(poolSeries, t));
  const peakRunning = Math.max(...running);
  let capacity = slots ?? 0;
  if (slots === undefined)
    for (let d = 1; d <= 7; d++) for (const t of times) capacity = Math.max(capacity, runningAt(poolSeries, t - d * DAY));
  const full = running.filter((r) => r >= Math.max(1, capacity)).length / running.length;
  const saturated = slots !== undefined ? full >= 0.5 : peakRunning >= 2 && full >= 0.5;
  return { saturated, peakRunning, capacity, capacityKnown: slots !== undefined, hogs: saturated ? hogsOf(poolSeries, from, to) : [] };
}
