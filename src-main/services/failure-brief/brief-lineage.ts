import { ApiError } from '../../../src-shared/api/errors';
import type { ImpactItem } from '../../../src-shared/domain/graph';
import type { EmbeddedGraph } from '../graph/embedded-graph';
import { downstreamOf } from '../graph/impact/downstream';
import { nodeKeys } from '../graph/node-keys';

/** Deep enough to pass a DAG's own task chain, its asset and the consumers' chains after it. */
const DEPTH = 12;

/**
 * The DAGs and assets downstream of a task in the lineage graph (the `impact.downstream` walk), across DAGs and
 * environments, without the task's own DAG. Empty when the task is not in the graph (not synced yet).
 */
export function downstreamDagsAndAssets(graph: EmbeddedGraph, envId: string, dagId: string, taskId: string): ImpactItem[] {
  const own = nodeKeys.dag(envId, dagId);
  try {
    return downstreamOf(graph, nodeKeys.task(envId, dagId, taskId), DEPTH).items.filter(
      (i) => (i.label === 'Dag' && i.key !== own) || i.label === 'Asset',
    );
  } catch (error) {
    if (error instanceof ApiError && error.code === 'not_found') return [];
    throw error;
  }
}
