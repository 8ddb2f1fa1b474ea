import type { FailureCause } from './failure-causes';
import type { IncidentKind } from './incident-types';

/** One run the calendar asks for (scheduled slot, manual trigger, asset event, parent trigger, backfill). */
export interface RunRequest {
  readonly runId: string;
  readonly runType: 'scheduled' | 'manual' | 'backfill' | 'asset_triggered';
  readonly triggeredBy: 'timetable' | 'ui' | 'rest_api' | 'operator' | 'asset' | 'backfill';
  readonly logicalDate: number | null;
  readonly runAfter: number;
  readonly queuedAt: number;
  /** The logical date when this is a scheduled run (incidents key on it). */
  readonly scheduledSlot: number | null;
  readonly confJson: string | null;
  /** Minutes the scheduler created this run late (late-schedule incident), else 0. */
  readonly lateByMinutes: number;
  /** Who triggered it by hand (event log owner), for manual runs. */
  readonly triggeredByUser: string | null;
}

export interface SimTry {
  readonly tryNumber: number;
  readonly state: 'success' | 'failed' | 'up_for_retry';
  readonly queuedAt: number;
  readonly startAt: number;
  readonly endAt: number;
  readonly hostname: string;
  readonly cause: FailureCause | null;
  readonly incident: IncidentKind | null;
  /** The try was started by a person clearing the task (event log "clear"). */
  readonly clearedBy: string | null;
}

/** A task instance as simulated to completion (before cutting at "now"). */
export interface SimTi {
  readonly taskIndex: number;
  readonly mapIndex: number;
  /** When its dependencies were met (it could be scheduled). */
  readonly readyAt: number;
  readonly state: 'success' | 'failed' | 'upstream_failed' | 'skipped';
  /** For upstream_failed and skipped: when the scheduler decided. */
  readonly decidedAt: number;
  readonly tries: readonly SimTry[];
  readonly maxTries: number;
}

export interface SimRun {
  readonly request: RunRequest;
  readonly version: number;
  readonly startAt: number;
  readonly endAt: number;
  readonly state: 'success' | 'failed';
  readonly tis: readonly SimTi[];
}
