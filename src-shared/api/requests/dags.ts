import { z } from 'zod';
import { defineRequest } from '../define';
import { DagList } from '../../domain/dag-list';
import { GridMapIndexes } from '../../domain/dag-history';
import { DagId, EnvId, IsoTime, TaskId } from '../../domain/ids';

export const dagRequests = {
  'dags.list': defineRequest(
    'DAGs of one environment (or all) with failure rate, mean duration and the newest runs of the last N days for sparklines',
    z
      .object({
        envId: EnvId.optional(),
        days: z.number().int().min(1).max(365).default(30),
        runs: z.number().int().min(1).max(50).default(20),
      })
      .strict(),
    DagList,
    { scope: 'app', reads: ['environments', 'dags', 'runs'] },
  ),
  'dags.gridMapIndexes': defineRequest(
    "One mapped task's instances per map index for the runs of a DAG grid's time window",
    z
      .object({
        envId: EnvId,
        dagId: DagId,
        taskId: TaskId,
        from: IsoTime,
        to: IsoTime,
        limit: z.number().int().min(1).max(10_000).default(10_000),
        maxIndexes: z.number().int().min(1).max(1000).default(256),
      })
      .strict(),
    GridMapIndexes,
    { scope: 'environment', reads: ['runs', 'task_instances'] },
  ),
} as const;
