import type { Rng } from './prng';
import type { Schedule, TaskSpec, TimeSchedule } from './catalogue-types';
import type { NewErrorCause } from './failure-causes';
import type { IncidentKind, IncidentPlan } from './incident-types';
import { DAY, HOUR, MINUTE } from './instants';
import { slotsEndingBetween } from './schedules';

export interface HistoryWindow {
  readonly start: number;
  readonly end: number;
}

export interface PlanInput {
  readonly rng: Rng;
  readonly tasks: readonly TaskSpec[];
  readonly schedule: Schedule;
  readonly window: HistoryWindow;
  /** Host the DAG extracts from (named in outage logs). */
  readonly resource: string;
  readonly newCause: NewErrorCause | null;
}

export interface PlannedIncident {
  readonly plan: IncidentPlan;
  /** The tasks, possibly adjusted (a flaky task gets retries). */
  readonly tasks: readonly TaskSpec[];
  /** Deploys the incident adds (bad deploy and its fix). */
  readonly deploys: readonly number[];
}

/** Tasks that only run when a branch chooses them: from each choice down to the first join. */
function conditionalTasks(tasks: readonly TaskSpec[]): Set<number> {
  const out = new Set<number>();
  const stack = tasks.flatMap((t) => (t.behaviour.kind === 'branch' ? t.behaviour.choices.flat() : []));
  while (stack.length > 0) {
    const i = stack.pop() ?? -1;
    const task = tasks[i];
    if (!task || out.has(i) || task.triggerRule !== 'all_success') continue;
    out.add(i);
    stack.push(...task.downstream);
  }
  return out;
}

/** Tasks whose behaviour an incident can meaningfully change (they run in every run). */
function candidateTasks(tasks: readonly TaskSpec[]): number[] {
  const conditional = conditionalTasks(tasks);
  return tasks
    .map((t, i) => ({ t, i }))
    .filter(
      ({ t, i }) =>
        t.behaviour.kind === 'work' && t.mapped === null && t.operator !== 'EmptyOperator' && t.medianS >= 5 && !conditional.has(i),
    )
    .map(({ i }) => i);
}

/** Incidents are placed between 15 % of the history and two days before its end, so they finish before "now". */
function region(window: HistoryWindow): HistoryWindow | null {
  const start = window.start + 0.15 * (window.end - window.start);
  const end = window.end - 2 * DAY;
  return end - start >= 2 * DAY ? { start, end } : null;
}

function dailyOrFaster(schedule: Schedule): schedule is TimeSchedule {
  return schedule.kind === 'time' && schedule.periodMs <= DAY;
}

/** Slots whose run is due inside the incident region, leaving room after them. */
function regionSlots(schedule: TimeSchedule, window: HistoryWindow): number[] {
  const r = region(window);
  if (!r) return [];
  return slotsEndingBetween(schedule, r.start, r.end - 2 * schedule.periodMs);
}

export function isEligible(kind: IncidentKind, input: Omit<PlanInput, 'rng'>): boolean {
  if (!region(input.window)) return false;
  const candidates = candidateTasks(input.tasks);
  if (candidates.length === 0) return false;
  if (kind === 'gradual_slowdown') return true;
  if (!dailyOrFaster(input.schedule) || regionSlots(input.schedule, input.window).length < 3) return false;
  if (kind === 'failure_burst') return candidates.some((i) => (input.tasks[i]?.downstream.length ?? 0) > 0);
  if (kind === 'new_error_pattern') return input.newCause !== null;
  return true;
}

/** How many consecutive periods an incident spans, by cadence. */
function spanCount(
  schedule: TimeSchedule,
  rng: Rng,
  hourly: [number, number],
  sixHourly: [number, number],
  daily: [number, number],
): number {
  const [lo, hi] = schedule.periodMs <= HOUR ? hourly : schedule.periodMs <= 6 * HOUR ? sixHourly : daily;
  return rng.int(lo, hi);
}

/** Places one incident of `kind` in a DAG; call only when `isEligible`. */
export function planIncident(kind: IncidentKind, input: PlanInput): PlannedIncident {
  const { rng, tasks, window } = input;
  const candidates = candidateTasks(tasks);
  const span = window.end - window.start;
  const unchanged = (plan: IncidentPlan): PlannedIncident => ({ plan, tasks, deploys: [] });

  if (kind === 'gradual_slowdown') {
    const driftStart = Math.round(window.start + rng.uniform(0.4, 0.75) * span);
    const growth = rng.uniform(1.8, 3.2);
    const ratePerDay = Math.round(((growth - 1) / ((window.end - driftStart) / DAY)) * 1e5) / 1e5;
    return unchanged({ kind, taskIndex: rng.pick(candidates), driftStart, ratePerDay });
  }
  if (kind === 'flaky_task') {
    const taskIndex = rng.pick(candidates);
    const patched = tasks.map((t, i) => (i === taskIndex ? { ...t, retries: Math.max(t.retries, 2) } : t));
    const probability = Math.round(rng.uniform(0.08, 0.25) * 1000) / 1000;
    // The flakiness begins part-way through the history, so its label (and a detection delay) has a start.
    const start = Math.round(window.start + rng.uniform(0.15, 0.4) * span);
    return { plan: { kind, taskIndex, probability, start }, tasks: patched, deploys: [] };
  }
  if (kind === 'new_error_pattern') {
    if (!input.newCause) throw new Error('new_error_pattern needs a reserved cause');
    const firstAt = Math.round(window.start + rng.uniform(0.5, 0.85) * span);
    const probability = Math.round(rng.uniform(0.08, 0.25) * 1000) / 1000;
    return unchanged({ kind, taskIndex: rng.pick(candidates), firstAt, probability, cause: input.newCause });
  }

  const schedule = input.schedule;
  if (schedule.kind !== 'time') throw new Error(`${kind} needs a time schedule`);
  const slots = regionSlots(schedule, window);
  const at = Math.floor(rng.uniform(0.05, 0.95) * slots.length);
  const slot = slots[at] ?? slots[0] ?? window.start;
  const due = slot + schedule.periodMs;

  switch (kind) {
    case 'duration_spike': {
      const n = spanCount(schedule, rng, [3, 6], [2, 4], [1, 3]);
      const chosen = slots.slice(at, at + n);
      return unchanged({ kind, taskIndex: rng.pick(candidates), slots: new Set(chosen), factor: Math.round(rng.uniform(6, 12) * 10) / 10 });
    }
    case 'failure_burst': {
      const roots = candidates.filter((i) => (tasks[i]?.downstream.length ?? 0) > 0);
      const taskIndex = roots[0] ?? 0;
      const start = due - 5 * MINUTE;
      const end = start + spanCount(schedule, rng, [3, 7], [2, 3], [1, 2]) * schedule.periodMs + rng.int(10, 50) * MINUTE;
      return unchanged({ kind, taskIndex, start, end, resource: input.resource });
    }
    case 'bad_deploy': {
      const deployAt = due - rng.int(20, 50) * MINUTE;
      const hours = spanCount(schedule, rng, [3, 10], [13, 30], [26, 60]);
      const fixAt = deployAt + hours * HOUR + rng.int(0, 59) * MINUTE;
      const picked = rng
        .shuffled(candidates)
        .slice(0, Math.min(candidates.length, rng.int(2, 3)))
        .sort((a, b) => a - b);
      return { plan: { kind, taskIndexes: picked, deployAt, fixAt }, tasks, deploys: [deployAt, fixAt] };
    }
    case 'late_schedule': {
      const stallStart = due - rng.int(1, 10) * MINUTE;
      const hours = spanCount(schedule, rng, [2, 5], [7, 13], [1, 4]);
      return unchanged({ kind, stallStart, stallEnd: stallStart + hours * HOUR + rng.int(0, 40) * MINUTE });
    }
    case 'missed_schedule': {
      const n = spanCount(schedule, rng, [2, 6], [1, 3], [1, 2]);
      return unchanged({ kind, slots: new Set(slots.slice(at, at + n)) });
    }
  }
}
