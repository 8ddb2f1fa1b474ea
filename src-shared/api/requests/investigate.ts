import { z } from 'zod';
import { defineRequest } from '../define';
import { RunComparison, Timeline } from '../../domain/dag-history';
import { DagId, EnvId, IsoTime, RunId, TaskId } from '../../domain/ids';
import { FleetEnv, RunInvestigation, TaskInvestigation, TaskLog, TriageItem } from '../../domain/investigate';

const MapIndex = z.number().int().min(-1).max(1_000_000);
/** A time window: ISO instants, `from` inclusive. */
const windowFields = { from: IsoTime, to: IsoTime };

export const investigateRequests = {
  'fleet.overview': defineRequest(
    'Fleet health across environments (or one): failing now, failed 24 h / 7 d by DAG, running, queued, import errors, stale DAGs',
    z.object({ envId: EnvId.optional(), staleIntervals: z.number().int().min(1).max(100).default(3) }).strict(),
    z.object({ envs: z.array(FleetEnv) }),
    { scope: 'app', reads: ['environments', 'dags', 'runs'] },
  ),
  'triage.list': defineRequest(
    'Failed runs of the last N days, newest first, across environments (or one); unseen only unless asked',
    z
      .object({
        envId: EnvId.optional(),
        days: z.number().int().min(1).max(365).default(7),
        includeSeen: z.boolean().default(false),
        limit: z.number().int().min(1).max(500).default(200),
      })
      .strict(),
    z.object({ items: z.array(TriageItem), unseen: z.number().int() }),
    { scope: 'app', reads: ['runs', 'task_instances'] },
  ),
  'triage.mark': defineRequest(
    'Marks a failed run seen or unseen and keeps a note about it, locally',
    z.object({ envId: EnvId, dagId: DagId, runId: RunId, seen: z.boolean(), note: z.string().max(4000).nullable().optional() }).strict(),
    z.object({ seenAt: IsoTime.nullable(), note: z.string().nullable() }),
    { scope: 'environment', changes: ['runs'] },
  ),
  'runs.investigate': defineRequest(
    'One run for investigation: Gantt segments per task instance, critical path, conf, note, upstream and downstream runs',
    z.object({ envId: EnvId, dagId: DagId, runId: RunId }).strict(),
    RunInvestigation,
    { scope: 'environment', reads: ['runs', 'task_instances'] },
  ),
  'tasks.investigate': defineRequest(
    'One task instance with all its tries and which have cached logs',
    z.object({ envId: EnvId, dagId: DagId, runId: RunId, taskId: TaskId, mapIndex: MapIndex.default(-1) }).strict(),
    TaskInvestigation,
    { scope: 'environment', reads: ['task_instances'] },
  ),
  'tasks.log': defineRequest(
    'The cached log of one try of a task instance',
    z
      .object({
        envId: EnvId,
        dagId: DagId,
        runId: RunId,
        taskId: TaskId,
        mapIndex: MapIndex.default(-1),
        tryNumber: z.number().int().min(0).max(1000),
      })
      .strict(),
    TaskLog,
    { scope: 'environment', reads: ['task_instances'] },
  ),
  'runs.compare': defineRequest(
    'A good and a bad run of the same DAG side by side: task state changes, duration deltas, version and conf differences',
    z.object({ envId: EnvId, dagId: DagId, goodRunId: RunId, badRunId: RunId }).strict(),
    RunComparison,
    { scope: 'environment', reads: ['runs', 'task_instances'] },
  ),
  'timeline.runs': defineRequest(
    'Runs overlapping a time window, across environments (or one), for swimlanes per DAG',
    z.object({ envId: EnvId.optional(), ...windowFields, limit: z.number().int().min(1).max(20_000).default(5_000) }).strict(),
    Timeline,
    { scope: 'app', reads: ['runs'] },
  ),
} as const;
