import type { EmbeddedGraph } from '../embedded-graph';
import { downstreamSteps, walk } from '../flow';

const MAX_DEPTH = 50;

/**
 * Properties that need the whole graph: a DAG's downstream DAG count and its
 * risk score (failure rate weighted by what it feeds), an asset's environments.
 */
export function addDerivedProps(graph: EmbeddedGraph): void {
  for (const dag of graph.nodesOf('Dag')) {
    const downstreamDags = walk(graph, dag.key, MAX_DEPTH, downstreamSteps).filter((r) => graph.node(r.key)?.label === 'Dag').length;
    const failureRate = typeof dag.props.failureRate === 'number' ? dag.props.failureRate : 0;
    const riskScore = Math.round(failureRate * (1 + downstreamDags) * 10_000) / 10_000;
    graph.updateProps(dag.key, { ...dag.props, downstreamDags, riskScore });
  }
  for (const asset of graph.nodesOf('Asset')) {
    const envIds = new Set<string>();
    for (const e of [...graph.in(asset.key)]) {
      const env = graph.node(e.from)?.props.envId;
      if (typeof env === 'string') envIds.add(env);
    }
    graph.updateProps(asset.key, { ...asset.props, envIds: [...envIds].sort() });
  }
}
