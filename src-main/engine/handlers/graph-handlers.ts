import { resolveEnvironmentParam } from '../../services/graph/queries/environment-param';
import { ApiError } from '../../../src-shared/api/errors';
import { hoursBefore } from '../../services/history/run-time';
import { criticalPath } from '../../services/graph/impact/critical-path';
import { downstreamOf } from '../../services/graph/impact/downstream';
import { orphanAssets } from '../../services/graph/impact/orphan-assets';
import { pauseBlastRadius } from '../../services/graph/impact/pause-blast-radius';
import { upstreamCandidates } from '../../services/graph/impact/upstream-candidates';
import { lineageView } from '../../services/graph/lineage/lineage-view';
import { nodeDetail } from '../../services/graph/lineage/node-detail';
import { SavedQueryFailed } from '../../services/graph/neo4j/run-saved-on-neo4j';
import { nodeKeys } from '../../services/graph/node-keys';
import { queryDefaults } from '../../services/graph/queries/query-defaults';
import { readParams } from '../../services/graph/queries/read-params';
import { describeSavedQueries, savedQuery } from '../../services/graph/queries/saved-queries';
import type { Handlers } from '../dispatcher';
import type { EngineContext } from '../engine-context';

type GraphRequest =
  | 'graph.summary'
  | 'lineage.view'
  | 'lineage.node'
  | 'lineage.assets'
  | 'impact.downstream'
  | 'impact.upstream'
  | 'impact.criticalPath'
  | 'impact.pauseDag'
  | 'impact.orphans'
  | 'graph.savedQueries'
  | 'graph.runSaved'
  | 'graph.cypher'
  | 'neo4j.status'
  | 'neo4j.test'
  | 'neo4j.save'
  | 'neo4j.remove'
  | 'neo4j.sync'
  | 'neo4j.cancel';

export function graphHandlers(ctx: EngineContext): Pick<Handlers, GraphRequest> {
  const g = () => ctx.graph.graph;
  return {
    'graph.summary': () => ({ graph: ctx.graph.counts(), neo4j: ctx.neo4j.status() }),
    'lineage.view': ({ envId, scope, expandDags }) => {
      if (scope.kind === 'environments') for (const id of scope.envIds) ctx.requireEnvironment(id);
      return lineageView(g(), envId, scope, expandDags);
    },
    'lineage.node': ({ key }) => nodeDetail(g(), key),
    'lineage.assets': ({ envId }) => {
      const graph = g();
      const keys = new Set<string>();
      for (const dag of graph.outTo(nodeKeys.environment(envId), 'HAS_DAG')) {
        for (const m of [dag, ...graph.outTo(dag, 'HAS_TASK')])
          for (const e of graph.out(m)) if (e.type === 'PRODUCES' || e.type === 'CONSUMES') keys.add(e.to);
      }
      return [...keys].sort().map((key) => {
        const p = graph.node(key)?.props ?? {};
        return { key, uri: String(p.uri), name: String(p.name ?? p.uri) };
      });
    },
    'impact.downstream': ({ key, depth }) => downstreamOf(g(), key, depth),
    'impact.upstream': ({ envId, dagId, taskId, at, windowHours, depth }, { env }) => {
      const end = at ?? env.asOf;
      return upstreamCandidates(g(), { envId, dagId, taskId, from: hoursBefore(end, windowHours), at: end, depth });
    },
    'impact.criticalPath': ({ envId, dagId, runId }) => criticalPath(g(), envId, dagId, runId),
    'impact.pauseDag': ({ envId, dagId }) => pauseBlastRadius(g(), envId, dagId),
    'impact.orphans': () => orphanAssets(g()),
    'graph.savedQueries': () => describeSavedQueries(),
    'graph.runSaved': async ({ id, params, source }) => {
      const def = savedQuery(id);
      const values = readParams(def.params, params, queryDefaults(ctx.graph.latestAsOf()));
      if (typeof values.envId === 'string') values.envId = resolveEnvironmentParam(values.envId, ctx.envs.list());
      const useNeo4j = source === 'neo4j' || (source === 'auto' && ctx.neo4j.configured);
      if (!useNeo4j) {
        const started = performance.now();
        const table = def.answer(g(), values);
        return {
          ...table,
          source: 'embedded',
          ms: Math.round(performance.now() - started),
          truncated: false,
          queryType: 'r',
          updates: null,
        };
      }
      try {
        return await ctx.neo4j.saved(def, values);
      } catch (error) {
        if (error instanceof SavedQueryFailed)
          throw new ApiError('unavailable', error.message, 'Check the Neo4j connection in Settings, or sync the graph.');
        throw error;
      }
    },
    'graph.cypher': (req) => ctx.neo4j.cypher(req),
    'neo4j.status': () => ctx.neo4j.status(),
    'neo4j.test': (input) => ctx.neo4j.test('draft' in input ? input.draft : null),
    'neo4j.save': (input) => ctx.neo4j.save(input),
    'neo4j.remove': () => ctx.neo4j.remove(),
    'neo4j.sync': () => ({ jobId: ctx.neo4j.startSync().jobId }),
    'neo4j.cancel': () => ({ cancelled: ctx.neo4j.cancel() }),
  };
}
