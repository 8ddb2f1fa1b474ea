import type { FailureCause } from './failure-causes';
import type { LabelKind } from './incident-types';

/** A task instance: the identity rows share (`map_index` -1 when not mapped). */
export interface TiKey {
  readonly runId: string;
  readonly taskId: string;
  readonly mapIndex: number;
}

/** One try of a task instance that failed, with when it ended and the state it ended in. */
export interface TryKey extends TiKey {
  readonly tryNumber: number;
  readonly endedAt: string;
  readonly state: 'failed' | 'up_for_retry';
}

export interface DurationSpikeDetail {
  readonly factor: number;
  readonly runIds: readonly string[];
  readonly taskInstances: readonly (TiKey & { readonly durationS: number })[];
}

export interface GradualSlowdownDetail {
  readonly driftStart: string;
  readonly ratePerDay: number;
  readonly model: string;
  readonly affectedTaskInstances: number;
  readonly firstRunId: string | null;
  readonly lastRunId: string | null;
}

export interface FailureBurstDetail {
  readonly cause: FailureCause;
  /** The down host the root-cause task reads from. */
  readonly resource: string;
  /** Asset the root-cause DAG produces (its consumers see no updates during the outage), if any. */
  readonly assetUri: string | null;
  readonly failedTries: readonly TryKey[];
  readonly failedTaskInstances: readonly TiKey[];
  readonly upstreamFailed: readonly TiKey[];
  readonly affectedRunIds: readonly string[];
}

export interface FlakyTaskDetail {
  readonly failureProbability: number;
  readonly cause: FailureCause;
  readonly failedTries: readonly TryKey[];
  /** Task instances whose retries all failed too. */
  readonly failedTaskInstances: readonly TiKey[];
}

export interface BadDeployDetail {
  readonly badVersion: string;
  readonly fixVersion: string;
  readonly taskIds: readonly string[];
  readonly cause: FailureCause;
  /** Every run created on the bad version. */
  readonly affectedRunIds: readonly string[];
  readonly failedTaskInstances: readonly TiKey[];
  readonly upstreamFailed: readonly TiKey[];
}

export interface LateScheduleDetail {
  readonly delayedRuns: readonly {
    readonly runId: string;
    readonly runAfter: string;
    readonly queuedAt: string;
    readonly lateByMinutes: number;
  }[];
}

export interface MissedScheduleDetail {
  readonly missedRuns: readonly { readonly runId: string; readonly logicalDate: string; readonly runAfter: string }[];
}

export interface NewErrorPatternDetail {
  readonly cause: FailureCause;
  readonly exceptionClass: string;
  readonly firstOccurrence: TryKey | null;
  readonly occurrences: readonly TryKey[];
}

export interface QueueSpikeDetail {
  readonly pool: string;
  readonly stallStart: string;
  readonly stallEnd: string;
  /** Task instances queued in the stall, as their rows show them (queued_at, start_date), with the wait. */
  readonly taskInstances: readonly (TiKey & {
    readonly dagId: string;
    readonly queuedAt: string;
    readonly startDate: string;
    readonly waitS: number;
  })[];
}

export interface LabelDetails {
  duration_spike: DurationSpikeDetail;
  gradual_slowdown: GradualSlowdownDetail;
  failure_burst: FailureBurstDetail;
  flaky_task: FlakyTaskDetail;
  bad_deploy: BadDeployDetail;
  late_schedule: LateScheduleDetail;
  missed_schedule: MissedScheduleDetail;
  new_error_pattern: NewErrorPatternDetail;
  queue_spike: QueueSpikeDetail;
}

/** Ground truth of one injected incident, exactly as the generated rows show it. */
export type SynthLabel = {
  [K in LabelKind]: {
    readonly labelId: string;
    readonly kind: K;
    readonly dagId: string;
    /** The task the incident is about (the root cause), or null for schedule and environment-wide incidents. */
    readonly taskId: string | null;
    readonly startsAt: string;
    readonly endsAt: string;
    readonly detail: LabelDetails[K];
  };
}[LabelKind];
