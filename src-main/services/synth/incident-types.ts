import type { NewErrorCause } from './failure-causes';

export const INCIDENT_KINDS = [
  'duration_spike',
  'gradual_slowdown',
  'failure_burst',
  'flaky_task',
  'bad_deploy',
  'late_schedule',
  'missed_schedule',
  'new_error_pattern',
] as const;
export type IncidentKind = (typeof INCIDENT_KINDS)[number];

/**
 * Incidents of the whole environment rather than of one DAG, planned after
 * the per-DAG ones from their own random stream (see queue-stall.ts).
 */
export const ENV_INCIDENT_KINDS = ['queue_spike'] as const;
export type EnvIncidentKind = (typeof ENV_INCIDENT_KINDS)[number];
/** Every kind a label can have. */
export type LabelKind = IncidentKind | EnvIncidentKind;
export const LABEL_KINDS: readonly LabelKind[] = [...INCIDENT_KINDS, ...ENV_INCIDENT_KINDS];

/** What the simulator injects into one DAG's history; the labels record what actually came of it. */
export type IncidentPlan =
  /** The task runs `factor` times its median in the scheduled runs of these logical dates (those runs see no ordinary failures). */
  | { readonly kind: 'duration_spike'; readonly taskIndex: number; readonly slots: ReadonlySet<number>; readonly factor: number }
  /** From driftStart the task's durations grow by `ratePerDay` (relative) per day. */
  | { readonly kind: 'gradual_slowdown'; readonly taskIndex: number; readonly driftStart: number; readonly ratePerDay: number }
  /** Every try of the task that starts in [start, end) fails: its source is down. */
  | { readonly kind: 'failure_burst'; readonly taskIndex: number; readonly start: number; readonly end: number; readonly resource: string }
  /** From `start` on, every try of the task fails with this probability. */
  | { readonly kind: 'flaky_task'; readonly taskIndex: number; readonly probability: number; readonly start: number }
  /** Runs created on the version deployed at deployAt fail in these tasks, until the fix deploy at fixAt. */
  | { readonly kind: 'bad_deploy'; readonly taskIndexes: readonly number[]; readonly deployAt: number; readonly fixAt: number }
  /** The scheduler stalls: runs due in [stallStart, stallEnd) are created only at stallEnd. */
  | { readonly kind: 'late_schedule'; readonly stallStart: number; readonly stallEnd: number }
  /** These scheduled slots (logical dates) never get a run. */
  | { readonly kind: 'missed_schedule'; readonly slots: ReadonlySet<number> }
  /** From firstAt, tries of the task fail with a never-seen error at this probability (the first one surely). */
  | {
      readonly kind: 'new_error_pattern';
      readonly taskIndex: number;
      readonly firstAt: number;
      readonly probability: number;
      readonly cause: NewErrorCause;
    };
