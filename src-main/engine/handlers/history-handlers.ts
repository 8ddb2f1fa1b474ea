import { ApiError } from '../../../src-shared/api/errors';
import type { Handlers } from '../dispatcher';
import type { EngineContext } from '../engine-context';

type HistoryRequest = 'overview.get' | 'runs.list' | 'runs.get' | 'palette.search' | 'jobs.list';

export function historyHandlers(ctx: EngineContext): Pick<Handlers, HistoryRequest> {
  return {
    'overview.get': ({ envId }, { env }) => ctx.history.overview(envId, env.asOf),
    'runs.list': (filter) => ctx.history.runs(filter),
    'runs.get': ({ envId, dagId, runId }) => {
      const found = ctx.history.run(envId, dagId, runId);
      if (!found)
        throw new ApiError('not_found', `No run "${runId}" of DAG "${dagId}" in the cache.`, 'Sync the environment, or check the run id.');
      return found;
    },
    'palette.search': ({ query, envId, limit }) => ctx.palette.search(query, envId, limit),
    'jobs.list': () => ctx.jobs.list(),
  };
}
