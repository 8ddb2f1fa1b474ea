import { z } from 'zod';
import { defineRequest } from '../define';
import { DagList } from '../../domain/dag-list';
import { DagGrid, DurationHistory, GridCellPage, GridMapIndexes } from '../../domain/dag-history';
import { DagId, EnvId, IsoTime, TaskId } from '../../domain/ids';

/** A DAG's window of runs (grid, cells, mapped indexes, durations): `from` and `to` bound the runs by run time. */
const windowFields = { from: IsoTime, to: IsoTime };

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
  'dags.grid': defineRequest(
    'Runs x tasks of one DAG in a time window, newest first: state and tries per cell, version changes',
    z
      .object({
        envId: EnvId,
        dagId: DagId,
        ...windowFields,
        limit: z.number().int().min(1).max(10_000).default(10_000),
        /** Without cells: only the runs and task rows; `dags.gridCells` then fills the runs in view, page by page. */
        cells: z.boolean().default(true),
      })
      .strict(),
    DagGrid,
    { scope: 'environment', reads: ['dags', 'runs', 'task_instances'] },
  ),
  'dags.gridCells': defineRequest(
    "A page of a DAG grid's cells: the runs at offset.. of the window (newest first), state and tries per task",
    z
      .object({
        envId: EnvId,
        dagId: DagId,
        ...windowFields,
        limit: z.number().int().min(1).max(10_000).default(10_000),
        offset: z.number().int().min(0).max(10_000),
        count: z.number().int().min(1).max(500).default(200),
      })
      .strict(),
    GridCellPage,
    { scope: 'environment', reads: ['dags', 'runs', 'task_instances'] },
  ),
  'dags.durations': defineRequest(
    'Durations of a DAG (or one task) over a time window, with rolling median and p10-p90 band',
    z.object({ envId: EnvId, dagId: DagId, taskId: TaskId.optional(), ...windowFields }).strict(),
    DurationHistory,
    { scope: 'environment', reads: ['runs', 'task_instances'] },
  ),
} as const;
