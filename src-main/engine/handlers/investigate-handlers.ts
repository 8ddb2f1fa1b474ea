import { ApiError } from '../../../src-shared/api/errors';
import { daysUpTo } from '../../services/history/figures/figure-window';
import { noRunStats } from '../../services/investigate/dag-run-stats';
import type { Environment } from '../../../src-shared/domain/environment';
import type { Handlers } from '../dispatcher';
import type { EngineContext } from '../engine-context';

type InvestigateRequest =
  | 'fleet.overview'
  | 'triage.list'
  | 'triage.mark'
  | 'runs.investigate'
  | 'tasks.investigate'
  | 'tasks.log'
  | 'dags.grid'
  | 'dags.gridCells'
  | 'dags.durations'
  | 'runs.compare'
  | 'timeline.runs'
  | 'dags.list'
  | 'dags.gridMapIndexes';

const notFound = (what: string): ApiError =>
  new ApiError('not_found', `${what} is not in the cache.`, 'Sync the environment, or check the ids.');

function checkWindow(from: string, to: string): void {
  const a = Date.parse(from);
  const b = Date.parse(to);
  if (Number.isNaN(a) || Number.isNaN(b) || a >= b)
    throw new ApiError('invalid_input', 'The time window needs two ISO times, "from" before "to".', 'Pick a date range.');
}

export function investigateHandlers(ctx: EngineContext): Pick<Handlers, InvestigateRequest> {
  const inv = ctx.investigation;
  /** One environment (checked) or all of them, each with its own "now". */
  const scope = (envId: string | undefined): { env: Environment; asOf: string }[] => {
    const all = ctx.envs.list();
    const chosen = envId === undefined ? all : all.filter((e) => e.id === envId);
    if (envId !== undefined && chosen.length === 0) ctx.requireEnvironment(envId);
    return chosen.map((env) => ({ env, asOf: ctx.requireEnvironment(env.id) }));
  };
  return {
    'fleet.overview': ({ envId, staleIntervals }) => ({
      envs: scope(envId).map(({ env, asOf }) => inv.fleet.forEnvironment(env.id, env.name, asOf, staleIntervals)),
    }),
    'triage.list': ({ envId, days, includeSeen, limit }) => {
      const lists = scope(envId).map(({ env, asOf }) => inv.triage.list(env.id, daysUpTo(asOf, days), includeSeen, limit));
      const items = lists
        .flatMap((l) => l.items)
        .sort((a, b) => (b.failedAt ?? '').localeCompare(a.failedAt ?? ''))
        .slice(0, limit);
      return { items, unseen: lists.reduce((sum, l) => sum + l.unseen, 0) };
    },
    'triage.mark': ({ envId, dagId, runId, seen, note }) => {
      if (!ctx.history.run(envId, dagId, runId)) throw notFound(`Run "${runId}" of DAG "${dagId}"`);
      return inv.triage.mark({ envId, dagId, runId }, seen, note, new Date().toISOString());
    },
    'runs.investigate': ({ envId, dagId, runId }, { env }) => {
      const found = inv.runs.investigate(envId, dagId, runId, env.asOf);
      if (!found) throw notFound(`Run "${runId}" of DAG "${dagId}"`);
      return found;
    },
    'tasks.investigate': (key) => {
      const found = inv.tasks.investigate(key);
      if (!found) throw notFound(`Task "${key.taskId}" of run "${key.runId}"`);
      return found;
    },
    'tasks.log': ({ tryNumber, ...key }) => {
      const found = inv.tasks.logOf(key, tryNumber);
      if (!found)
        throw new ApiError(
          'not_found',
          `No cached log for try ${tryNumber} of "${key.taskId}".`,
          'Logs are cached for failed and retried tries.',
        );
      return found;
    },
    'dags.grid': ({ envId, dagId, from, to, limit, cells }) => {
      checkWindow(from, to);
      return inv.grid.grid(envId, dagId, from, to, limit, cells);
    },
    'dags.gridCells': ({ envId, dagId, from, to, limit, offset, count }) => {
      checkWindow(from, to);
      return inv.grid.cellPage(envId, dagId, from, to, limit, offset, count);
    },
    'dags.durations': ({ envId, dagId, taskId, from, to }) => {
      checkWindow(from, to);
      return inv.durations.history(envId, dagId, taskId, from, to);
    },
    'runs.compare': ({ envId, dagId, goodRunId, badRunId }) => {
      const result = inv.compare.compare(envId, dagId, goodRunId, badRunId);
      if ('missing' in result) throw notFound(`Run "${result.missing}" of DAG "${dagId}"`);
      return result;
    },
    'dags.list': ({ envId, days, runs }) => ({
      days,
      runs,
      dags: scope(envId).flatMap(({ env, asOf }) => {
        const stats = inv.dagStats.forEnvironment(env.id, daysUpTo(asOf, days), runs);
        return ctx.history
          .overview(env.id, asOf)
          .dags.map((dag) => ({ ...dag, envName: env.name, stats: stats.get(dag.dagId) ?? noRunStats() }));
      }),
    }),
    'dags.gridMapIndexes': ({ envId, dagId, taskId, from, to, limit, maxIndexes }) => {
      checkWindow(from, to);
      return inv.gridMapIndexes.mapIndexes(envId, dagId, taskId, from, to, limit, maxIndexes);
    },
    'timeline.runs': ({ envId, from, to, limit }) => {
      checkWindow(from, to);
      const runs = scope(envId).flatMap(({ env }) => inv.timeline.runs(env.id, from, to, limit + 1));
      runs.sort((a, b) => a.start.localeCompare(b.start));
      return { from, to, runs: runs.slice(0, limit), truncated: runs.length > limit };
    },
  };
}
