import type { PauseSpan } from './schedule/pause-spans';

/** One environment's history as the detectors read it: compact, time-ordered, already parsed. */

/** Successful and failed task instances of one task (all map indexes), ordered by start. */
export interface TaskSeries {
  readonly dagId: string;
  readonly taskId: string;
  readonly pool: string | null;
  readonly runIds: string[];
  readonly mapIndexes: Int32Array;
  readonly startMs: Float64Array;
  readonly endMs: Float64Array;
  /** When the instance (its last try) was queued; NaN when unknown. */
  readonly queuedMs: Float64Array;
  /** Seconds; NaN when the instance has no duration (not finished, skipped). */
  readonly durationS: Float64Array;
  /** 1 when the instance ended failed or a person cleared it after it had failed. */
  readonly exhausted: Uint8Array;
  /** 1 for state success. */
  readonly succeeded: Uint8Array;
  readonly failedTries: Uint8Array;
  readonly tries: Uint8Array;
  readonly hostnames: (string | null)[];
  readonly length: number;
  /**
   * Logical date of each instance's run (its run_after where it has none, else the instance's start): where the
   * instance sits in the data's calendar, for "usual at this hour and weekday". Absent: the start times.
   */
  readonly logicalMs?: Float64Array;
  /** Retries the task is configured with (tasks.retries); null when the task list was not synced. */
  readonly retries: number | null;
  /** Task ids directly downstream of this task. */
  readonly downstream: readonly string[];
}

export interface RunInfo {
  readonly dagId: string;
  readonly runId: string;
  readonly runType: string;
  readonly state: string;
  readonly logicalMs: number;
  readonly runAfterMs: number;
  readonly queuedMs: number;
  readonly startMs: number;
  readonly endMs: number;
  readonly version: string | null;
}

export interface DagInfo {
  readonly dagId: string;
  /** The schedule as Airflow reports it (timetable summary; Airflow 2's schedule_interval in the same form). */
  readonly schedule: string | null;
  readonly isPaused: boolean;
  /** The DAG's timezone (from its details; absent or null: UTC). */
  readonly timezone?: string | null;
  readonly timetableDescription?: string | null;
  /** When Airflow will create the next scheduled run, and its logical date (NaN or absent: unknown). */
  readonly nextRunAfterMs?: number;
  readonly nextLogicalMs?: number;
  /** Stretches the audit log shows the DAG paused: their slots are not missed. */
  readonly pauseSpans?: readonly PauseSpan[];
}

/** A failed try's log, with when the try ended. */
export interface FailureLog {
  readonly dagId: string;
  readonly runId: string;
  readonly taskId: string;
  readonly mapIndex: number;
  readonly tryNumber: number;
  readonly endedMs: number;
  readonly content: string;
}

export interface EnvHistory {
  readonly envId: string;
  readonly asOfMs: number;
  readonly dags: readonly DagInfo[];
  readonly series: readonly TaskSeries[];
  /** Runs by DAG, ordered by logical date (then queued time). */
  readonly runsByDag: ReadonlyMap<string, readonly RunInfo[]>;
  readonly logs: readonly FailureLog[];
  /** Asset URIs each DAG produces. */
  readonly producedAssets: ReadonlyMap<string, readonly string[]>;
  /** Slots of each pool, where the pools were synced (absent: saturation is inferred from the running count). */
  readonly poolSlots: ReadonlyMap<string, number>;
  /** Task instances left upstream_failed, as upstreamFailedKey(dagId, runId, taskId). */
  readonly upstreamFailed: ReadonlySet<string>;
  readonly taskInstanceCount: number;
}

export function upstreamFailedKey(dagId: string, runId: string, taskId: string): string {
  return `${dagId}\u0000${runId}\u0000${taskId}`;
}
