import { z } from 'zod';
import { defineRequest } from '../define';
import { FailureBrief } from '../../domain/failure-brief';
import { DagId, EnvId, RunId, TaskId } from '../../domain/ids';

export const failureBriefRequests = {
  'failures.brief': defineRequest(
    'One failed run without any model: the failing task and its error line and pattern, what changed, what it broke downstream, whether it happened before',
    z
      .object({
        envId: EnvId,
        dagId: DagId,
        runId: RunId,
        /** The task to brief, when not the run's first failure (a finding's task, whose failed try a retry may have rescued). */
        taskId: TaskId.optional(),
      })
      .strict(),
    FailureBrief,
    { scope: 'environment', reads: ['dags', 'runs', 'task_instances', 'analytics', 'graph'] },
  ),
} as const;
