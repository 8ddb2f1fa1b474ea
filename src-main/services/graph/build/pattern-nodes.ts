import type { EmbeddedGraph } from '../embedded-graph';
import { nodeKeys } from '../node-keys';
import type { PatternReader } from './read-patterns';

/** Longest template kept in a node's display name (the whole template is its own property). */
const NAME_CHARS = 120;

/**
 * ErrorPattern nodes of one environment (every pattern the miner found in the
 * cached failure logs) and FAILED_WITH from each task instance in the graph's
 * window to the patterns of its failed tries. Runs after the task instances
 * are added: hits of instances outside the window have no edge.
 */
export function addErrorPatterns(graph: EmbeddedGraph, reader: PatternReader, envId: string): void {
  for (const p of reader.patterns(envId)) {
    graph.addNode({
      key: nodeKeys.errorPattern(envId, p.pattern_id),
      label: 'ErrorPattern',
      props: {
        envId,
        patternId: p.pattern_id,
        name: p.template.length > NAME_CHARS ? `${p.template.slice(0, NAME_CHARS - 1)}…` : p.template,
        template: p.template,
        exception: p.exception,
        count: p.count,
        firstSeen: p.first_seen,
        lastSeen: p.last_seen,
        isNew: p.is_new === 1,
      },
    });
  }
  for (const hit of reader.hits(envId)) {
    graph.addEdge('FAILED_WITH', nodeKeys.instance(envId, hit.dag_id, hit.run_id, hit.task_id, hit.map_index), nodeKeys.errorPattern(envId, hit.pattern_id));
  }
}
