import type { SeriesPoint } from '../../../../src-shared/domain/analytics';
import { severityOf, type Finding } from '../finding';
import type { DagInfo, RunInfo } from '../history-types';
import { finiteOrNull, formatDay, isoOf } from './format';

const MINUTE = 60_000;

export interface ScheduleParams {
  /** A scheduled run queued this long after its slot is late (and at least lateFactor × its usual delay). */
  readonly lateMinutes: number;
  readonly lateFactor: number;
  readonly minRuns: number;
}

export const SCHEDULE_PARAMS: ScheduleParams = { lateMinutes: 15, lateFactor: 10, minRuns: 5 };

function median(values: number[]): number {
  const s = values.slice().sort((a, b) => a - b);
  return s[s.length >> 1] ?? NaN;
}

function delaySeries(runs: readonly RunInfo[], from: number, to: number, usualMin: number, flagged: ReadonlySet<number>): SeriesPoint[] {
  const out: SeriesPoint[] = [];
  for (let i = Math.max(0, from); i <= Math.min(runs.length - 1, to); i++) {
    const r = runs[i] as RunInfo;
    out.push({
      t: isoOf(r.runAfterMs), observed: finiteOrNull((r.queuedMs - r.runAfterMs) / MINUTE), expected: finiteOrNull(usualMin), lo: 0,
      hi: finiteOrNull(Math.max(usualMin * 3, 1)), flagged: flagged.has(i), runId: r.runId,
    });
  }
  return out;
}

function lateFinding(dagId: string, runs: readonly RunInfo[], idx: readonly number[], usualMin: number, p: ScheduleParams): Finding {
  const first = runs[idx[0] ?? 0] as RunInfo;
  const last = runs[idx[idx.length - 1] ?? 0] as RunInfo;
  const worst = Math.max(...idx.map((i) => ((runs[i] as RunInfo).queuedMs - (runs[i] as RunInfo).runAfterMs) / MINUTE));
  const score = Math.min(30, 5 + Math.log2(worst / p.lateMinutes) * 2 + idx.length);
  return {
    kind: 'late_schedule', dagId, taskId: null, runId: first.runId, severity: severityOf(score), score,
    startsMs: first.runAfterMs, endsMs: last.queuedMs, detectedMs: first.runAfterMs + p.lateMinutes * MINUTE,
    title: `${idx.length} scheduled run${idx.length > 1 ? 's' : ''} started late (up to ${Math.round(worst)} min)`,
    expected: `queued within ${usualMin < 1 ? 'a minute' : `${usualMin.toFixed(1)} min`} of the slot (${formatDay(first.runAfterMs)})`,
    observed: `queued ${Math.round(worst)} min after the slot; ${idx.length} run${idx.length > 1 ? 's' : ''} affected`,
    why: 'The scheduler created these runs long after they were due (scheduler stall, DAG parse errors or max_active_runs): data lands late for every consumer.',
    unit: 'min', series: delaySeries(runs, (idx[0] ?? 0) - 12, (idx[idx.length - 1] ?? 0) + 4, usualMin, new Set(idx)), causes: [
      { kind: 'window', value: `${formatDay(first.runAfterMs)} – ${formatDay(last.queuedMs)}`, detail: 'Runs due in this window were created only at its end.' },
    ], runIds: idx.map((i) => (runs[i] as RunInfo).runId),
  };
}

function missedFinding(dagId: string, slots: readonly number[], periodMs: number, before: RunInfo, after: RunInfo | null): Finding {
  const first = slots[0] ?? 0;
  const last = slots[slots.length - 1] ?? first;
  const score = Math.min(30, 6 + 2 * slots.length);
  const series: SeriesPoint[] = [before, ...(after ? [after] : [])].map((r) => ({
    t: isoOf(r.logicalMs + periodMs), observed: 1, expected: 1, lo: 1, hi: 1, flagged: false, runId: r.runId,
  }));
  for (const s of slots) series.push({ t: isoOf(s + periodMs), observed: 0, expected: 1, lo: 1, hi: 1, flagged: true, runId: null });
  series.sort((a, b) => (a.t < b.t ? -1 : 1));
  return {
    kind: 'missed_schedule', dagId, taskId: null, runId: after?.runId ?? before.runId, severity: severityOf(score), score,
    startsMs: first + periodMs, endsMs: last + periodMs, detectedMs: last + 2 * periodMs,
    title: `${slots.length} scheduled run${slots.length > 1 ? 's' : ''} never happened`,
    expected: `a run every ${Math.round(periodMs / MINUTE)} min, including the slot${slots.length > 1 ? 's' : ''} due ${formatDay(first + periodMs)}${slots.length > 1 ? ` … ${formatDay(last + periodMs)}` : ''}`,
    observed: `no run for ${slots.length} slot${slots.length > 1 ? 's' : ''} between ${before.runId} and ${after?.runId ?? 'now'}`,
    why: 'Skipped intervals leave gaps in the data that nothing downstream will notice by itself; backfill them or find why the scheduler skipped them.',
    unit: 'runs', series, causes: [{ kind: 'window', value: formatDay(first + periodMs), detail: 'First slot without a run.' }], runIds: [before.runId],
  };
}

/** A DAG's scheduled runs with the cadence and usual creation delay they show. */
export interface ScheduleProfile {
  readonly runs: readonly RunInfo[];
  readonly periodMs: number;
  readonly usualMin: number;
}

export function scheduleProfile(allRuns: readonly RunInfo[], p: ScheduleParams = SCHEDULE_PARAMS): ScheduleProfile | null {
  const runs = allRuns.filter((r) => r.runType === 'scheduled' && Number.isFinite(r.logicalMs) && Number.isFinite(r.runAfterMs));
  if (runs.length < p.minRuns) return null;
  const gaps: number[] = [];
  const delays: number[] = [];
  for (let i = 1; i < runs.length; i++) gaps.push((runs[i] as RunInfo).logicalMs - (runs[i - 1] as RunInfo).logicalMs);
  for (const r of runs) if (Number.isFinite(r.queuedMs)) delays.push((r.queuedMs - r.runAfterMs) / MINUTE);
  const periodMs = median(gaps);
  return periodMs > 0 ? { runs, periodMs, usualMin: Math.max(0, median(delays)) } : null;
}

/** Late runs and skipped slots between a DAG's runs: what its history shows, whatever "now" is. */
export function scheduleHistoryFindings(dagId: string, profile: ScheduleProfile, p: ScheduleParams = SCHEDULE_PARAMS): Finding[] {
  const { runs, periodMs: period, usualMin } = profile;
  const out: Finding[] = [];
  let late: number[] = [];
  const flush = (): void => {
    if (late.length > 0) out.push(lateFinding(dagId, runs, late, usualMin, p));
    late = [];
  };
  runs.forEach((r, i) => {
    const delay = (r.queuedMs - r.runAfterMs) / MINUTE;
    if (delay >= p.lateMinutes && delay >= p.lateFactor * usualMin) late.push(i);
    else flush();
    const prev = runs[i - 1];
    if (!prev) return;
    const k = Math.round((r.logicalMs - prev.logicalMs) / period);
    if (k >= 2) {
      const slots = Array.from({ length: k - 1 }, (_, j) => prev.logicalMs + (j + 1) * period);
      out.push(missedFinding(dagId, slots, period, prev, r));
    }
  });
  flush();
  return out;
}

/** Slots due by now with no run yet (an unpaused DAG that stopped running). */
export function overdueFindings(dag: DagInfo, profile: ScheduleProfile, asOfMs: number): Finding[] {
  if (dag.isPaused) return [];
  const { runs, periodMs: period } = profile;
  const lastRun = runs[runs.length - 1] as RunInfo;
  const due: number[] = [];
  for (let slot = lastRun.logicalMs + period; slot + 2 * period + 30 * MINUTE <= asOfMs; slot += period) due.push(slot);
  return due.length > 0 ? [missedFinding(dag.dagId, due, period, lastRun, null)] : [];
}

/** Late and missed scheduled runs of one DAG, against the cadence its own scheduled runs show. */
export function detectSchedule(dag: DagInfo, allRuns: readonly RunInfo[], asOfMs: number, p: ScheduleParams = SCHEDULE_PARAMS): Finding[] {
  const profile = scheduleProfile(allRuns, p);
  return profile ? [...scheduleHistoryFindings(dag.dagId, profile, p), ...overdueFindings(dag, profile, asOfMs)] : [];
}
