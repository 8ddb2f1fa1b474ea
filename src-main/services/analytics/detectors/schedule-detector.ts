import type { SeriesPoint } from '../../../../src-shared/domain/analytics';
import { severityOf, type Finding } from '../finding';
import type { DagInfo, RunInfo } from '../history-types';
import type { DagSchedule } from '../schedule/dag-schedule';
import { namesIntervalStart, slotsBetween, type Slot } from '../schedule/missed-slots';
import { readSchedule } from '../schedule/read-schedule';
import { slotRuns, type SlotRun } from '../schedule/slot-runs';
import type { SlotSequence } from '../schedule/slot-sequence';
import { formatSlot } from '../schedule/slot-time';
import { finiteOrNull, isoOf } from './format';

const MINUTE = 60_000;
/** A catch-up whose last run was created this recently is still going on. */
const CATCHING_UP_MS = 60 * MINUTE;

export interface ScheduleParams {
  /** A scheduled run queued this long after its slot is late (and at least lateFactor × its usual delay). */
  readonly lateMinutes: number;
  readonly lateFactor: number;
  /** Slot runs a DAG needs in the history before anything is claimed about it. */
  readonly minRuns: number;
  /** A slot's run is overdue (missing) this long after it was due. */
  readonly overdueMinutes: number;
}

export const SCHEDULE_PARAMS: ScheduleParams = { lateMinutes: 15, lateFactor: 10, minRuns: 2, overdueMinutes: 30 };

/** A DAG's schedule as read, with the runs that took its slots. */
export interface ScheduleProfile {
  readonly dag: DagInfo;
  readonly schedule: DagSchedule;
  /** Null when the schedule has no slots to check (see `schedule.noClaimReason`). */
  readonly slots: SlotSequence | null;
  readonly runs: readonly SlotRun[];
  /** Whether the runs' logical dates are the starts of data intervals (one slot before the due time). */
  readonly intervalStart: boolean;
  /** Usual minutes from a slot being due to its run being created. */
  readonly usualMin: number;
}

function median(values: number[]): number {
  const s = values.slice().sort((a, b) => a - b);
  return s[s.length >> 1] ?? NaN;
}

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;
const delayMin = (r: SlotRun): number => (r.createdMs - r.dueMs) / MINUTE;

/** The DAG's schedule read from what Airflow reported, and its slot runs. */
export function scheduleProfile(dag: DagInfo, allRuns: readonly RunInfo[], p: ScheduleParams = SCHEDULE_PARAMS): ScheduleProfile {
  const schedule = readSchedule(dag.schedule, dag.timezone ?? null, dag.timetableDescription ?? null);
  const slots = schedule.slots;
  const runs = slots ? slotRuns(allRuns, slots, dag.pauseSpans ?? []) : [];
  const delays = runs.filter((r) => !r.excused && !r.catchUp && Number.isFinite(r.createdMs)).map(delayMin);
  return {
    dag,
    schedule,
    slots: runs.length >= p.minRuns ? slots : null,
    runs,
    intervalStart: namesIntervalStart(runs),
    // Too few regular runs to know their usual delay: the absolute threshold alone decides.
    usualMin: delays.length >= 5 ? Math.max(0, median(delays) || 0) : 0,
  };
}

function delaySeries(runs: readonly SlotRun[], from: number, to: number, usualMin: number, flagged: ReadonlySet<number>): SeriesPoint[] {
  const out: SeriesPoint[] = [];
  for (let i = Math.max(0, from); i <= Math.min(runs.length - 1, to); i++) {
    const r = runs[i] as SlotRun;
    out.push({
      t: isoOf(r.dueMs),
      observed: finiteOrNull(delayMin(r)),
      expected: finiteOrNull(usualMin),
      lo: 0,
      hi: finiteOrNull(Math.max(usualMin * 3, 1)),
      flagged: flagged.has(i),
      runId: r.run.runId,
    });
  }
  return out;
}

function lateFinding(profile: ScheduleProfile, idx: readonly number[], p: ScheduleParams): Finding {
  const { runs, usualMin, schedule } = profile;
  const zone = schedule.zone;
  const first = runs[idx[0] ?? 0] as SlotRun;
  const last = runs[idx[idx.length - 1] ?? 0] as SlotRun;
  const worst = Math.max(...idx.map((i) => delayMin(runs[i] as SlotRun)));
  const score = Math.min(30, 5 + Math.log2(worst / p.lateMinutes) * 2 + idx.length);
  const caughtUp = runs.filter(
    (r) => r.catchUp && r.excused && !r.backfill && Math.abs(r.createdMs - last.createdMs) <= 30 * MINUTE,
  ).length;
  const slotOf = (r: SlotRun): string => formatSlot(Number.isFinite(r.run.logicalMs) ? r.run.logicalMs : r.dueMs, zone);
  return {
    kind: 'late_schedule',
    dagId: profile.dag.dagId,
    taskId: null,
    runId: first.run.runId,
    severity: severityOf(score),
    score,
    startsMs: first.dueMs,
    endsMs: last.createdMs,
    detectedMs: first.dueMs + p.lateMinutes * MINUTE,
    title: `${idx.length > 1 ? `${idx.length} scheduled runs` : 'Scheduled run'} started late (up to ${Math.round(worst)} min): slot ${slotOf(first)}${idx.length > 1 ? ` … ${slotOf(last)}` : ''}`,
    expected: `queued within ${usualMin < 1 ? 'a minute' : `${usualMin.toFixed(1)} min`} of its slot of ${schedule.slots?.label ?? schedule.text ?? ''}, due ${formatSlot(first.dueMs, zone)}`,
    observed: `queued ${Math.round(worst)} min after the slot; ${plural(idx.length, 'run')} affected${caughtUp > 0 ? ` (${plural(caughtUp, 'earlier slot')} of a pause were caught up at the same time and are not counted)` : ''}`,
    why: 'The scheduler created these runs long after they were due (scheduler stall, DAG parse errors, max_active_runs, or a late unpause): data lands late for every consumer.',
    unit: 'min',
    series: delaySeries(runs, (idx[0] ?? 0) - 12, (idx[idx.length - 1] ?? 0) + 4, usualMin, new Set(idx)),
    causes: [
      {
        kind: 'window',
        value: `${formatSlot(first.dueMs, zone)} – ${formatSlot(last.createdMs, zone)}`,
        detail: 'Runs due in this window were created only at its end.',
      },
    ],
    runIds: idx.map((i) => (runs[i] as SlotRun).run.runId),
  };
}

function slotList(slots: readonly Slot[], profile: ScheduleProfile): string {
  const shown = slots.slice(0, 5).map((s) => formatSlot(s.logicalMs, profile.schedule.zone));
  return `${shown.join(', ')}${slots.length > shown.length ? ` and ${slots.length - shown.length} more` : ''}`;
}

function missedFinding(
  profile: ScheduleProfile,
  slots: readonly Slot[],
  before: SlotRun,
  after: SlotRun | null,
  p: ScheduleParams,
): Finding {
  const first = slots[0] as Slot;
  const last = slots[slots.length - 1] as Slot;
  const zone = profile.schedule.zone;
  const score = Math.min(30, 6 + 2 * slots.length);
  const series: SeriesPoint[] = [before, ...(after ? [after] : [])].map((r) => ({
    t: isoOf(r.dueMs),
    observed: 1,
    expected: 1,
    lo: 1,
    hi: 1,
    flagged: false,
    runId: r.run.runId,
  }));
  for (const s of slots.slice(0, 500))
    series.push({ t: isoOf(s.dueMs), observed: 0, expected: 1, lo: 1, hi: 1, flagged: true, runId: null });
  series.sort((a, b) => (a.t < b.t ? -1 : 1));
  const n = slots.length;
  const overdue = after === null;
  return {
    kind: 'missed_schedule',
    dagId: profile.dag.dagId,
    taskId: null,
    runId: after?.run.runId ?? before.run.runId,
    severity: severityOf(score),
    score,
    startsMs: first.logicalMs,
    endsMs: last.dueMs,
    detectedMs: first.dueMs + p.overdueMinutes * MINUTE,
    title: overdue
      ? `${n > 1 ? `${n} scheduled runs are` : 'Scheduled run is'} overdue: slot ${formatSlot(first.logicalMs, zone)}${n > 1 ? ` … ${formatSlot(last.logicalMs, zone)}` : ''}`
      : `${n > 1 ? `${n} scheduled runs` : 'Scheduled run'} never happened: slot ${formatSlot(first.logicalMs, zone)}${n > 1 ? ` … ${formatSlot(last.logicalMs, zone)}` : ''}`,
    expected: `a run for every slot of ${profile.slots?.label ?? ''}; the first missing one was due ${formatSlot(first.dueMs, zone)}`,
    observed: `no run for the ${n > 1 ? 'slots' : 'slot'} of logical date ${slotList(slots, profile)} (between run ${before.run.runId} and ${after ? `run ${after.run.runId}` : `now, ${p.overdueMinutes} min past due`})`,
    why: 'Skipped intervals leave gaps in the data that nothing downstream will notice by itself; backfill them or find why the scheduler skipped them.',
    unit: 'runs',
    series,
    causes: [{ kind: 'window', value: formatSlot(first.logicalMs, zone), detail: 'First slot without a run (its logical date).' }],
    runIds: [before.run.runId],
  };
}

/** Late runs and skipped slots between a DAG's runs: what its history shows, whatever "now" is. */
export function scheduleHistoryFindings(profile: ScheduleProfile, p: ScheduleParams = SCHEDULE_PARAMS): Finding[] {
  const { runs, usualMin, slots } = profile;
  if (slots === null) return [];
  const out: Finding[] = [];
  let late: number[] = [];
  const flush = (): void => {
    if (late.length > 0) out.push(lateFinding(profile, late, p));
    late = [];
  };
  const pauses = profile.dag.pauseSpans ?? [];
  runs.forEach((r, i) => {
    const delay = delayMin(r);
    if (!r.excused && delay >= p.lateMinutes && delay >= p.lateFactor * usualMin) late.push(i);
    else flush();
    const prev = runs[i - 1];
    // Runs not on the schedule's slots come from an earlier schedule: the gap around them says nothing.
    if (!prev || !slots.holds(prev.dueMs) || !slots.holds(r.dueMs)) return;
    const missing = slotsBetween(slots, prev.dueMs, r.dueMs - slots.slackMs, profile.intervalStart, pauses);
    if (missing.length > 0) out.push(missedFinding(profile, missing, prev, r, p));
  });
  flush();
  return out;
}

/**
 * Slots due by now with no run yet, past a tolerance: an unpaused DAG whose scheduler stopped creating runs.
 * Airflow's own next run time moves the first expected slot later when it chose to skip slots (catchup off).
 */
export function overdueFindings(dag: DagInfo, profile: ScheduleProfile, asOfMs: number, p: ScheduleParams = SCHEDULE_PARAMS): Finding[] {
  const { slots, runs } = profile;
  const last = runs[runs.length - 1];
  if (dag.isPaused || slots === null || last === undefined) return [];
  // A catch-up still creating runs (its newest run caught up a past slot, lately) is behind on purpose.
  if (last.catchUp && asOfMs - last.createdMs < CATCHING_UP_MS) return [];
  const airflowNext = dag.nextRunAfterMs ?? NaN;
  const limit = asOfMs - p.overdueMinutes * MINUTE;
  const pauses = dag.pauseSpans ?? [];
  let due: Slot[];
  if (Number.isFinite(airflowNext) && airflowNext > last.dueMs) {
    const next = { logicalMs: dag.nextLogicalMs ?? airflowNext, dueMs: airflowNext };
    due = airflowNext <= limit ? [next, ...slotsBetween(slots, airflowNext, limit + 1, profile.intervalStart, pauses)] : [];
  } else {
    due = slotsBetween(slots, last.dueMs, limit + 1, profile.intervalStart, pauses);
  }
  return due.length > 0 ? [missedFinding(profile, due, last, null, p)] : [];
}

/** Late and missed scheduled runs of one DAG, against the schedule Airflow reports for it. */
export function detectSchedule(dag: DagInfo, allRuns: readonly RunInfo[], asOfMs: number, p: ScheduleParams = SCHEDULE_PARAMS): Finding[] {
  const profile = scheduleProfile(dag, allRuns, p);
  return [...scheduleHistoryFindings(profile, p), ...overdueFindings(dag, profile, asOfMs, p)];
}
