import type { RunInfo } from '../history-types';

/** What failure detectors look up besides a task's own series. */
export interface FailureContext {
  /** Run of a DAG by run id. */
  run(dagId: string, runId: string): RunInfo | undefined;
  /** Error pattern of one failed try, when its log is cached. */
  patternOf(dagId: string, runId: string, taskId: string, mapIndex: number, tryNumber: number): string | undefined;
  patternText(patternId: string): string;
  producedAssets(dagId: string): readonly string[];
  /** Whether this task instance was left upstream_failed. */
  upstreamFailed(dagId: string, runId: string, taskId: string): boolean;
}

/** A task's consecutive failed instances (retries exhausted or cleared after failing). */
export interface FailureStreak {
  readonly dagId: string;
  readonly taskId: string;
  readonly from: number;
  readonly to: number;
  readonly startMs: number;
  readonly endMs: number;
  /** When the streak's second failed instance ended (its first, for a streak of one): the evidence of a burst. */
  readonly secondEndMs: number;
  readonly patterns: ReadonlySet<string>;
  readonly failedTries: number;
  /** The DAG version the streak began on, when it differs from the previous instance's. */
  readonly newVersion: string | null;
  /** The instance right after the streak succeeded on the same version (an outage that passed, not a broken change). */
  readonly recoveredOnSameVersion: boolean;
  readonly runIds: readonly string[];
  readonly pool: string | null;
  readonly hostnames: readonly string[];
  /** Some failed instance of the streak ran more than one try (retries were configured and used). */
  readonly retried: boolean;
  /** Task instances directly downstream of the task left upstream_failed in the streak's runs. */
  readonly downstreamLeft: number;
}
