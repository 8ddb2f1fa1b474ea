import { z } from 'zod';
import { ImpactItem } from './graph';
import { DagId, EnvId, IsoTime, RunId, TaskId } from './ids';
import { SimilarFailures } from './similar-failures';
import { RunState, RunType, TaskState } from './states';

/** One try of the failing task instance: earlier ones from task_tries, the last one is the task instance itself. */
export const BriefTry = z.object({
  tryNumber: z.number().int(),
  state: TaskState,
  startDate: IsoTime.nullable(),
  endDate: IsoTime.nullable(),
  hostname: z.string().nullable(),
  hasLog: z.boolean(),
});
export type BriefTry = z.infer<typeof BriefTry>;

/** The error pattern a failed try's log belongs to, as the Anomalies page's Patterns tab shows it. */
export const BriefPattern = z.object({
  patternId: z.string(),
  /** Airflow text (masked): render as text. */
  template: z.string(),
  exception: z.string(),
  count: z.number().int(),
  firstSeen: IsoTime,
  lastSeen: IsoTime,
  isNew: z.boolean(),
});
export type BriefPattern = z.infer<typeof BriefPattern>;

/** A bounded excerpt of a failed try's log around the line that says what went wrong. */
export const BriefError = z.object({
  tryNumber: z.number().int(),
  /** Log lines (Airflow text: render as text), at most a screenful. */
  lines: z.array(z.string()),
  /** 1-based line number in the cached log of `lines[0]`. */
  firstLineNo: z.number().int(),
  /** Index in `lines` of the error line; null when the log has no exception or ERROR line. */
  errorIndex: z.number().int().nullable(),
  /** The cached log holds only its last bytes. */
  truncated: z.boolean(),
  pattern: BriefPattern.nullable(),
});
export type BriefError = z.infer<typeof BriefError>;

export const BriefTask = z.object({
  taskId: TaskId,
  mapIndex: z.number().int(),
  state: TaskState,
  operator: z.string().nullable(),
  endDate: IsoTime.nullable(),
  tries: z.array(BriefTry),
});
export type BriefTask = z.infer<typeof BriefTask>;

/** One fact compared with the previous successful run of the DAG. */
export const BriefChange = z.object({
  what: z.enum(['dag_version', 'conf', 'hostname', 'pool']),
  /** Airflow text: render as text. */
  now: z.string().nullable(),
  before: z.string().nullable(),
  changed: z.boolean(),
});
export type BriefChange = z.infer<typeof BriefChange>;

export const BriefUpstreamTask = z.object({ taskId: TaskId, mapIndex: z.number().int(), state: TaskState });
export type BriefUpstreamTask = z.infer<typeof BriefUpstreamTask>;

/** A run in which this task failed before with the same error pattern. */
export const BriefOccurrence = z.object({
  runId: RunId,
  runState: RunState,
  mapIndex: z.number().int(),
  tryNumber: z.number().int(),
  /** When the matching try ended (else started). */
  at: IsoTime.nullable(),
});
export type BriefOccurrence = z.infer<typeof BriefOccurrence>;

export const FailureBrief = z.object({
  envId: EnvId,
  dagId: DagId,
  runId: RunId,
  run: z.object({
    state: RunState,
    runType: RunType,
    logicalDate: IsoTime.nullable(),
    startDate: IsoTime.nullable(),
    endDate: IsoTime.nullable(),
    durationS: z.number().nullable(),
  }),
  /** The first task instance of the run that failed, by end time; null when none failed (the run failed otherwise). */
  failedTask: BriefTask.nullable(),
  /** Other task instances of the run that failed, by end time. */
  otherFailed: z.array(z.object({ taskId: TaskId, mapIndex: z.number().int(), endDate: IsoTime.nullable() })),
  /** The failed try's error; null without a failed task or a cached log. */
  error: BriefError.nullable(),
  changes: z.object({
    /** The newest successful run of the DAG before this one. */
    previousSuccess: z.object({ runId: RunId, at: IsoTime.nullable() }).nullable(),
    items: z.array(BriefChange),
    /** The failing task's direct upstream tasks in this run. */
    upstream: z.array(BriefUpstreamTask),
  }),
  downstream: z.object({
    /** Task instances of this run left upstream_failed. */
    upstreamFailed: z.array(z.object({ taskId: TaskId, mapIndex: z.number().int() })),
    /** DAGs and assets downstream of the failing task in the lineage graph, across environments. */
    lineage: z.array(ImpactItem),
  }),
  before: z.object({
    /** Runs in which this task failed earlier with the same error pattern, newest first (at most 20). */
    sameTask: z.array(BriefOccurrence),
    /** How many such runs there are in all. */
    sameTaskRuns: z.number().int(),
    /** Similar failures elsewhere (other tasks, DAGs and environments). */
    elsewhere: SimilarFailures.nullable(),
  }),
});
export type FailureBrief = z.infer<typeof FailureBrief>;
