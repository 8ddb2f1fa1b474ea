import { z } from 'zod';
import { defineRequest } from '../define';
import { DagSummary, RunSummary, TaskInstanceSummary } from '../../domain/history';
import { DagId, EnvId, IsoTime, RunId } from '../../domain/ids';
import { RunState } from '../../domain/states';

export const RunStateCounts = z.object({
  queued: z.number().int(),
  running: z.number().int(),
  success: z.number().int(),
  failed: z.number().int(),
});
export type RunStateCounts = z.infer<typeof RunStateCounts>;

export const Overview = z.object({
  envId: EnvId,
  /** The instant "last 24 h" is measured from: now, or the end of a synthetic history. */
  asOf: IsoTime,
  dagCount: z.number().int(),
  runs24h: RunStateCounts,
  failedRuns7d: z.number().int(),
  failedTasks24h: z.number().int(),
  dags: z.array(DagSummary),
});
export type Overview = z.infer<typeof Overview>;

export const historyRequests = {
  'overview.get': defineRequest(
    'DAGs of one environment with last run state, runs of the last 24 h by state and failure counts',
    z.object({ envId: EnvId }).strict(),
    Overview,
    { scope: 'environment', reads: ['dags', 'runs', 'task_instances'] },
  ),
  'runs.list': defineRequest(
    'DAG runs of one environment, newest first, optionally filtered',
    z
      .object({
        envId: EnvId,
        dagId: DagId.optional(),
        states: z.array(RunState).max(4).optional(),
        since: IsoTime.optional(),
        /** Only the runs Airflow no longer returns (deleted, or pruned by `airflow db clean`), which the cache keeps. */
        gone: z.boolean().default(false),
        limit: z.number().int().min(1).max(1000).default(200),
      })
      .strict(),
    z.array(RunSummary),
    { scope: 'environment', reads: ['runs'] },
  ),
  'runs.get': defineRequest(
    'One DAG run with its task instances',
    z.object({ envId: EnvId, dagId: DagId, runId: RunId }).strict(),
    z.object({ run: RunSummary, taskInstances: z.array(TaskInstanceSummary) }),
    { scope: 'environment', reads: ['runs', 'task_instances'] },
  ),
} as const;
