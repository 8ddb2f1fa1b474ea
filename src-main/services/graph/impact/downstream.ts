import { ApiError } from '../../../../src-shared/api/errors';
import type { DownstreamImpact } from '../../../../src-shared/domain/impact';
import type { EmbeddedGraph } from '../embedded-graph';
import { downstreamSteps, walk } from '../flow';
import { byDepthThenKey, toImpactItem } from './impact-item';

/** Everything downstream of a DAG, task or asset, across DAGs and environments, to `depth` steps. */
export function downstreamOf(graph: EmbeddedGraph, key: string, depth: number): DownstreamImpact {
  const start = graph.node(key);
  if (!start || (start.label !== 'Dag' && start.label !== 'Task' && start.label !== 'Asset')) {
    throw new ApiError(
      'not_found',
      'That DAG, task or asset is not in the lineage graph.',
      'Pick a node from the lineage view, or sync the environment.',
    );
  }
  const items = walk(graph, key, depth, downstreamSteps).map((r) => toImpactItem(graph, r));
  return { start: key, items: items.sort(byDepthThenKey) };
}
