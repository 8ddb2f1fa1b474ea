import { ApiError } from '../../../../src-shared/api/errors';
import type { BlastItem, PauseBlastRadius } from '../../../../src-shared/domain/impact';
import type { EmbeddedGraph } from '../embedded-graph';
import { downstreamSteps, walk } from '../flow';
import { nodeKeys } from '../node-keys';

/** How far the blast radius looks, in data-flow steps (the saved Cypher uses the same bound). */
export const BLAST_STEPS = 12;

/** The DAG a task belongs to, or the node itself for DAGs and assets. */
function ownerOf(graph: EmbeddedGraph, key: string): string {
  const node = graph.node(key);
  if (node?.label !== 'Task') return key;
  return graph.inFrom(key, 'HAS_TASK')[0] ?? key;
}

/** The DAGs and assets downstream of a DAG, each with the fewest steps it takes to reach it. */
export function reachedDagsAndAssets(graph: EmbeddedGraph, dagKey: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const r of walk(graph, dagKey, BLAST_STEPS, downstreamSteps)) {
    const hit = ownerOf(graph, r.key);
    if (hit === dagKey) continue;
    const label = graph.node(hit)?.label;
    if (label !== 'Dag' && label !== 'Asset') continue;
    out.set(hit, Math.min(out.get(hit) ?? Infinity, r.depth));
  }
  return out;
}

/**
 * What pausing a DAG does downstream. Every DAG and asset it feeds misses
 * input; `stalls` marks those that stop entirely: an asset whose producers
 * all stop, a DAG scheduled on an asset that stops, a DAG without a schedule
 * of its own whose triggering DAGs all stop.
 */
export function pauseBlastRadius(graph: EmbeddedGraph, envId: string, dagId: string): PauseBlastRadius {
  const dagKey = nodeKeys.dag(envId, dagId);
  if (!graph.node(dagKey))
    throw new ApiError('not_found', `DAG "${dagId}" is not in the lineage graph.`, 'Sync the environment, or check the DAG id.');
  const reached = reachedDagsAndAssets(graph, dagKey);
  const stopped = stoppedSet(graph, dagKey, reached);
  const items: BlastItem[] = [...reached].map(([key, depth]) => {
    const node = graph.node(key);
    const label = node?.label === 'Asset' ? 'Asset' : 'Dag';
    const envId = node?.props.envId;
    return {
      key,
      label,
      name: String(node?.props.name ?? key),
      envId: typeof envId === 'string' ? envId : null,
      depth,
      stalls: stopped.has(key),
    };
  });
  items.sort((a, b) => a.depth - b.depth || (a.key < b.key ? -1 : 1));
  return { dagKey, items };
}

function producerDags(graph: EmbeddedGraph, assetKey: string): string[] {
  return graph.inFrom(assetKey, 'PRODUCES').map((k) => ownerOf(graph, k));
}

function stoppedSet(graph: EmbeddedGraph, dagKey: string, reached: Map<string, number>): Set<string> {
  const stopped = new Set<string>([dagKey]);
  for (let changed = true; changed; ) {
    changed = false;
    for (const key of reached.keys()) {
      if (stopped.has(key)) continue;
      const node = graph.node(key);
      let stops = false;
      if (node?.label === 'Asset') {
        const producers = producerDags(graph, key);
        stops = producers.length > 0 && producers.every((p) => stopped.has(p));
      } else if (node?.label === 'Dag') {
        const scheduledOn = graph.outTo(key, 'CONSUMES');
        const triggers = graph.inFrom(key, 'TRIGGERS').map((t) => ownerOf(graph, t));
        const ownSchedule = typeof node.props.schedule === 'string' && node.props.schedule !== 'None';
        stops = scheduledOn.some((a) => stopped.has(a)) || (!ownSchedule && triggers.length > 0 && triggers.every((t) => stopped.has(t)));
      }
      if (stops) {
        stopped.add(key);
        changed = true;
      }
    }
  }
  stopped.delete(dagKey);
  return stopped;
}
