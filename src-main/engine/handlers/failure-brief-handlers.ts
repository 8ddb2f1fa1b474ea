import { ApiError } from '../../../src-shared/api/errors';
import type { Handlers } from '../dispatcher';
import type { EngineContext } from '../engine-context';

export function failureBriefHandlers(ctx: EngineContext): Pick<Handlers, 'failures.brief'> {
  return {
    'failures.brief': ({ envId, dagId, runId, taskId }, { env }) => {
      const brief = ctx.failureBriefs.brief({ envId, dagId, runId }, env.asOf, taskId);
      if (brief === null)
        throw new ApiError('not_found', `Run "${runId}" of DAG "${dagId}" is not in the cache.`, 'Sync the environment, or check the ids.');
      return brief;
    },
  };
}
