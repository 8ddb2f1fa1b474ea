import { z } from 'zod';
import { RunSummary } from './history';
import { EnvId, IsoTime } from './ids';
import { RunState, TaskState } from './states';

/** A DAG with how many runs matched (failed in a window, failing now), and the newest one. */
export const DagCount = z.object({
  envId: EnvId,
  dagId: z.string(),
  count: z.number().int(),
  lastAt: IsoTime.nullable(),
  lastRunId: z.string().nullable(),
});
export type DagCount = z.infer<typeof DagCount>;

/** A run still queued or running, with how long it has been so. */
export const ActiveRun = z.object({
  envId: EnvId,
  dagId: z.string(),
  runId: z.string(),
  state: RunState,
  since: IsoTime.nullable(),
  elapsedS: z.number(),
});
export type ActiveRun = z.infer<typeof ActiveRun>;

/** A scheduled, unpaused DAG with no successful run in the last N schedule intervals. */
export const StaleDag = z.object({
  envId: EnvId,
  dagId: z.string(),
  schedule: z.string(),
  intervalS: z.number(),
  lastSuccessAt: IsoTime.nullable(),
});
export type StaleDag = z.infer<typeof StaleDag>;

export const ImportErrorItem = z.object({ envId: EnvId, filename: z.string(), timestamp: IsoTime.nullable(), lastLine: z.string() });
export type ImportErrorItem = z.infer<typeof ImportErrorItem>;

/** Fleet health of one environment, measured from its own "now". */
export const FleetEnv = z.object({
  envId: EnvId,
  envName: z.string(),
  asOf: IsoTime,
  failingNow: z.array(DagCount),
  failed24h: z.array(DagCount),
  failed7d: z.array(DagCount),
  running: z.array(ActiveRun),
  queued: z.array(ActiveRun),
  importErrors: z.array(ImportErrorItem),
  staleDags: z.array(StaleDag),
});
export type FleetEnv = z.infer<typeof FleetEnv>;

/** A failed run waiting for someone to look at it; seen and note are kept locally. */
export const TriageItem = z.object({
  envId: EnvId,
  dagId: z.string(),
  runId: z.string(),
  failedAt: IsoTime.nullable(),
  durationS: z.number().nullable(),
  failedTasks: z.array(z.string()),
  seenAt: IsoTime.nullable(),
  note: z.string().nullable(),
});
export type TriageItem = z.infer<typeof TriageItem>;

/** One bar of a task's Gantt row: waiting in the queue, an earlier failed try, the wait before a retry, the last try. */
export const GanttSegment = z.object({
  kind: z.enum(['queued', 'retry', 'wait', 'run']),
  tryNumber: z.number().int(),
  state: TaskState,
  start: IsoTime,
  end: IsoTime,
});
export type GanttSegment = z.infer<typeof GanttSegment>;

export const GanttTask = z.object({
  taskId: z.string(),
  mapIndex: z.number().int(),
  state: TaskState,
  tryNumber: z.number().int(),
  maxTries: z.number().int(),
  queuedAt: IsoTime.nullable(),
  startDate: IsoTime.nullable(),
  endDate: IsoTime.nullable(),
  durationS: z.number().nullable(),
  queueS: z.number().nullable(),
  hostname: z.string().nullable(),
  operator: z.string().nullable(),
  upstream: z.array(z.string()),
  critical: z.boolean(),
  segments: z.array(GanttSegment),
});
export type GanttTask = z.infer<typeof GanttTask>;

/** A run linked to this one: it fed this run (upstream) or this run fed it (downstream). */
export const RunLink = z.object({
  envId: EnvId,
  dagId: z.string(),
  runId: z.string(),
  state: RunState,
  via: z.enum(['asset', 'trigger']),
  detail: z.string(),
});
export type RunLink = z.infer<typeof RunLink>;

export const RunInvestigation = z.object({
  run: RunSummary,
  conf: z.string().nullable(),
  note: z.string().nullable(),
  dagVersion: z.string().nullable(),
  triggeredBy: z.string().nullable(),
  tasks: z.array(GanttTask),
  upstream: z.array(RunLink),
  downstream: z.array(RunLink),
  /** Assets this run's DAG produces and the DAGs that consume each (the lineage), whether or not this run fed them. */
  assetConsumers: z.array(z.object({ uri: z.string(), dagIds: z.array(z.string()) })),
  triage: z.object({ seenAt: IsoTime.nullable(), note: z.string().nullable() }).nullable(),
  airflowUrl: z.string().nullable(),
});
export type RunInvestigation = z.infer<typeof RunInvestigation>;

export const TaskTry = z.object({
  tryNumber: z.number().int(),
  state: TaskState,
  startDate: IsoTime.nullable(),
  endDate: IsoTime.nullable(),
  durationS: z.number().nullable(),
  hostname: z.string().nullable(),
  hasLog: z.boolean(),
});
export type TaskTry = z.infer<typeof TaskTry>;

export const TaskInvestigation = z.object({
  envId: EnvId,
  dagId: z.string(),
  runId: z.string(),
  taskId: z.string(),
  mapIndex: z.number().int(),
  state: TaskState,
  operator: z.string().nullable(),
  /** Airflow's note on the task instance, as last synced (untrusted text). */
  note: z.string().nullable(),
  tries: z.array(TaskTry),
  airflowUrl: z.string().nullable(),
});
export type TaskInvestigation = z.infer<typeof TaskInvestigation>;

export const TaskLog = z.object({ tryNumber: z.number().int(), content: z.string(), truncated: z.boolean(), fetchedAt: IsoTime });
export type TaskLog = z.infer<typeof TaskLog>;
