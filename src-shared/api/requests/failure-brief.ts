import { z } from 'zod';
import { defineRequest } from '../define';
import { FailureBrief } from '../../domain/failure-brief';
import { DagId, EnvId, RunId } from '../../domain/ids';

export const failureBriefRequests = {
  'failures.brief': defineRequest(
    'One failed run without any model: the failing task and its error line and pattern, what changed, what it broke downstream, whether it happened before',
    z.object({ envId: EnvId, dagId: DagId, runId: RunId }).strict(),
    FailureBrief,
    { scope: 'environment', reads: ['dags', 'runs', 'task_instances', 'analytics', 'graph'] },
  ),
} as const;
