import { z } from 'zod';
import { EnvId, IsoTime } from './ids';
import { RunState, RunType, TaskState } from './states';

export const DagSummary = z.object({
  envId: EnvId,
  dagId: z.string(),
  description: z.string().nullable(),
  schedule: z.string().nullable(),
  isPaused: z.boolean(),
  owners: z.array(z.string()),
  tags: z.array(z.string()),
  lastRunState: RunState.nullable(),
  lastRunAt: IsoTime.nullable(),
  runs24h: z.number().int(),
  failed24h: z.number().int(),
  failed7d: z.number().int(),
});
export type DagSummary = z.infer<typeof DagSummary>;

export const RunSummary = z.object({
  envId: EnvId,
  dagId: z.string(),
  runId: z.string(),
  state: RunState,
  runType: RunType,
  logicalDate: IsoTime.nullable(),
  queuedAt: IsoTime.nullable(),
  startDate: IsoTime.nullable(),
  endDate: IsoTime.nullable(),
  durationS: z.number().nullable(),
  /** Airflow no longer returns this run (deleted, or pruned by `airflow db clean`); the cache keeps it. */
  goneUpstream: z.boolean(),
});
export type RunSummary = z.infer<typeof RunSummary>;

export const TaskInstanceSummary = z.object({
  envId: EnvId,
  dagId: z.string(),
  runId: z.string(),
  taskId: z.string(),
  mapIndex: z.number().int(),
  state: TaskState,
  tryNumber: z.number().int(),
  maxTries: z.number().int(),
  startDate: IsoTime.nullable(),
  endDate: IsoTime.nullable(),
  durationS: z.number().nullable(),
  queuedAt: IsoTime.nullable(),
  hostname: z.string().nullable(),
  operator: z.string().nullable(),
  pool: z.string().nullable(),
});
export type TaskInstanceSummary = z.infer<typeof TaskInstanceSummary>;
