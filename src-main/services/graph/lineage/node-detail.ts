import { ApiError } from '../../../../src-shared/api/errors';
import type { LineageNodeDetail } from '../../../../src-shared/domain/lineage';
import type { EmbeddedGraph } from '../embedded-graph';

const RECENT = 12;
const MAX_NEIGHBOURS = 60;
const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);
const num = (v: unknown): number | null => (typeof v === 'number' ? v : null);

/** A node's panel: its properties, static neighbours and newest runs or task instances. */
export function nodeDetail(graph: EmbeddedGraph, key: string): LineageNodeDetail {
  const node = graph.node(key);
  if (!node)
    throw new ApiError('not_found', 'That node is not in the lineage graph.', 'The graph may have been rebuilt; pick the node again.');
  const neighbours: LineageNodeDetail['neighbours'] = [];
  const skip = new Set(['RUN_OF', 'INSTANCE_OF', 'IN_RUN', 'RAN_ON']);
  for (const e of graph.out(key)) if (!skip.has(e.type)) neighbours.push(neighbour(graph, e.type, 'out', e.to));
  for (const e of graph.in(key)) if (!skip.has(e.type)) neighbours.push(neighbour(graph, e.type, 'in', e.from));
  const recentKeys = node.label === 'Dag' ? graph.inFrom(key, 'RUN_OF') : node.label === 'Task' ? graph.inFrom(key, 'INSTANCE_OF') : [];
  const recent = recentKeys
    .map((k) => graph.node(k)?.props ?? {})
    .sort((a, b) => (String(a.startDate ?? a.at ?? '') < String(b.startDate ?? b.at ?? '') ? 1 : -1))
    .slice(0, RECENT)
    .map((p) => ({
      runId: String(p.runId),
      taskId: str(p.taskId),
      state: String(p.state),
      startDate: str(p.startDate),
      durationS: num(p.durationS),
      hostname: str(p.hostname),
    }));
  return {
    key,
    label: node.label,
    name: str(node.props.name) ?? key,
    envId: str(node.props.envId),
    dagId: str(node.props.dagId),
    props: { ...node.props },
    neighbours: neighbours.slice(0, MAX_NEIGHBOURS),
    recent,
  };
}

function neighbour(graph: EmbeddedGraph, rel: string, direction: 'out' | 'in', key: string): LineageNodeDetail['neighbours'][number] {
  const n = graph.node(key);
  return { rel, direction, key, label: n?.label ?? 'Dag', name: str(n?.props.name) ?? key };
}
