import type { Rng } from './prng';
import type { DagSpec, TaskSpec } from './catalogue-types';
import { backgroundCause, type FailureCause } from './failure-causes';
import type { IncidentKind, IncidentPlan } from './incident-types';
import { DAY } from './instants';
import { seasonalFactor } from './durations';

/** What one try of a task does: how long it runs, and whether (and why) it fails. */
export interface TryOutcome {
  readonly durationS: number;
  readonly cause: FailureCause | null;
  /** The incident that decided this try's duration or failure, if any. */
  readonly incident: IncidentKind | null;
}

export interface TryInput {
  readonly dag: DagSpec;
  readonly plan: IncidentPlan | null;
  readonly taskIndex: number;
  readonly task: TaskSpec;
  /** Logical date of a scheduled run, else null. */
  readonly scheduledSlot: number | null;
  readonly version: number;
  /** The version the bad deploy introduced, when the DAG has one. */
  readonly badVersion: number | null;
  readonly startAt: number;
  readonly historyStart: number;
}

/** Mutable per-DAG state some incidents need across runs. */
export interface IncidentState {
  newErrorSeen: boolean;
}

/** Which cause a flaky task fails with. */
export function flakyCause(operator: string): FailureCause {
  return operator === 'SQLExecuteQueryOperator' || operator === 'HttpOperator' ? 'connection_refused' : 'task_timeout';
}

/** How long a failing try ran before it failed, from what it would have run. */
function failingDuration(cause: FailureCause, fullS: number, rng: Rng): number {
  switch (cause) {
    case 'connection_refused':
    case 'permission_denied':
    case 'certificate_expired':
    case 'missing_config_key':
      return rng.uniform(0.8, 12);
    case 'task_timeout':
    case 'sensor_timeout':
      return fullS * rng.uniform(1.5, 2.5);
    default:
      return fullS * rng.uniform(0.1, 0.9);
  }
}

function forcedFailure(input: TryInput, state: IncidentState, rng: Rng): { cause: FailureCause; incident: IncidentKind } | null {
  const { plan, taskIndex, startAt } = input;
  if (!plan) return null;
  switch (plan.kind) {
    case 'failure_burst':
      return plan.taskIndex === taskIndex && startAt >= plan.start && startAt < plan.end
        ? { cause: 'connection_refused', incident: plan.kind }
        : null;
    case 'bad_deploy':
      return plan.taskIndexes.includes(taskIndex) && input.version === input.badVersion
        ? { cause: 'schema_mismatch', incident: plan.kind }
        : null;
    case 'flaky_task':
      return plan.taskIndex === taskIndex && startAt >= plan.start && rng.chance(plan.probability)
        ? { cause: flakyCause(input.task.operator), incident: plan.kind }
        : null;
    case 'new_error_pattern': {
      if (plan.taskIndex !== taskIndex || startAt < plan.firstAt) return null;
      if (state.newErrorSeen && !rng.chance(plan.probability)) return null;
      state.newErrorSeen = true;
      return { cause: plan.cause, incident: plan.kind };
    }
    default:
      return null;
  }
}

/** Tries whose failures only the incident decides (no background noise on them). */
function quietTask(plan: IncidentPlan | null, taskIndex: number, scheduledSlot: number | null): boolean {
  if (!plan) return false;
  if (plan.kind === 'flaky_task' || plan.kind === 'new_error_pattern') return plan.taskIndex === taskIndex;
  // Spiked runs stay free of ordinary failures, so the spiked task surely runs.
  if (plan.kind === 'duration_spike') return scheduledSlot !== null && plan.slots.has(scheduledSlot);
  return false;
}

export function decideTry(input: TryInput, state: IncidentState, rng: Rng): TryOutcome {
  const { task, plan, taskIndex, startAt } = input;
  const typical = task.medianS * seasonalFactor(input.dag.seasonality, startAt, input.historyStart);
  let incident: IncidentKind | null = null;
  let fullS: number;
  if (
    plan?.kind === 'duration_spike' &&
    plan.taskIndex === taskIndex &&
    input.scheduledSlot !== null &&
    plan.slots.has(input.scheduledSlot)
  ) {
    fullS = task.medianS * plan.factor * rng.lognormal(1, 0.08);
    incident = plan.kind;
  } else if (plan?.kind === 'gradual_slowdown' && plan.taskIndex === taskIndex && startAt >= plan.driftStart) {
    fullS = rng.lognormal(typical * (1 + (plan.ratePerDay * (startAt - plan.driftStart)) / DAY), task.sigma);
    incident = plan.kind;
  } else {
    fullS = rng.lognormal(typical, task.sigma);
  }
  const forced = forcedFailure(input, state, rng);
  if (forced) return { durationS: failingDuration(forced.cause, fullS, rng), cause: forced.cause, incident: forced.incident };
  if (!quietTask(plan, taskIndex, input.scheduledSlot) && rng.chance(task.failureP)) {
    const cause = backgroundCause(task.operator, rng);
    return { durationS: failingDuration(cause, fullS, rng), cause, incident: null };
  }
  return { durationS: fullS, cause: null, incident };
}
