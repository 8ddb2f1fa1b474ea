import type { RunInfo, TaskSeries } from './history-types';

/** FNV-1a over 32-bit words: a cheap fingerprint of rows, to tell whether a task or DAG has to be scored again. */
const bits = new Float64Array(1);
const words = new Int32Array(bits.buffer);
const OFFSET = 2166136261;
const PRIME = 16777619;

function mixNumber(h: number, x: number): number {
  bits[0] = x;
  h = Math.imul(h ^ (words[0] ?? 0), PRIME);
  return Math.imul(h ^ (words[1] ?? 0), PRIME);
}

function mixText(h: number, text: string | null): number {
  if (text === null) return Math.imul(h ^ 0x7fffffff, PRIME);
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), PRIME);
  return Math.imul(h ^ text.length, PRIME);
}

/** Every value a detector reads of a task's instances (times, durations, outcomes, tries, queue, pool). */
export function seriesHash(s: TaskSeries): number {
  let h = mixText(mixText(mixText(OFFSET, s.dagId), s.taskId), s.pool);
  h = mixNumber(h, s.length);
  for (let i = 0; i < s.length; i++) {
    h = mixNumber(h, s.startMs[i] ?? 0);
    h = mixNumber(h, s.endMs[i] ?? 0);
    h = mixNumber(h, s.queuedMs[i] ?? 0);
    h = mixNumber(h, s.durationS[i] ?? 0);
    h = Math.imul(
      h ^ ((s.exhausted[i] ?? 0) | ((s.succeeded[i] ?? 0) << 1) | ((s.failedTries[i] ?? 0) << 2) | ((s.tries[i] ?? 0) << 10)),
      PRIME,
    );
    h = Math.imul(h ^ (s.mapIndexes[i] ?? 0), PRIME);
  }
  const last = s.length - 1;
  if (last >= 0) {
    h = mixText(h, s.runIds[last] ?? '');
    h = mixText(h, s.hostnames[last] ?? null);
  }
  return h >>> 0;
}

/** Every value the schedule detector reads of a DAG's runs. */
export function runsHash(runs: readonly RunInfo[]): number {
  let h = mixNumber(OFFSET, runs.length);
  for (const r of runs) {
    h = mixText(h, r.runType);
    h = mixNumber(h, r.logicalMs);
    h = mixNumber(h, r.runAfterMs);
    h = mixNumber(h, r.queuedMs);
  }
  const last = runs[runs.length - 1];
  if (last) h = mixText(h, last.runId);
  return h >>> 0;
}
