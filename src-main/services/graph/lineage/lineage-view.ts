import { ApiError } from '../../../../src-shared/api/errors';
import type { LineageEdge, LineageEdgeKind, LineageGraph, LineageNode, LineageScope } from '../../../../src-shared/domain/lineage';
import type { EmbeddedGraph } from '../embedded-graph';
import type { GraphNode } from '../graph-model';
import { nodeKeys } from '../node-keys';
import { dagLevelNeighbours, dagOf } from './dag-flow';

/** Above this many nodes a scope is cut (the view says so). */
export const MAX_VIEW_NODES = 5000;

const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);

interface Selection {
  /** DAGs and assets in the view. */
  members: Set<string>;
  /** DAGs shown with their tasks. */
  expanded: Set<string>;
}

/** The nodes and data-flow edges of a lineage scope: DAGs (collapsed or as tasks) and assets. */
export function lineageView(graph: EmbeddedGraph, envId: string, scope: LineageScope, expandDags: readonly string[] = []): LineageGraph {
  const selection = select(graph, envId, scope);
  // DAGs the person opened in the view are drawn with their tasks too.
  for (const dag of expandDags) if (selection.members.has(dag) && graph.node(dag)?.label === 'Dag') selection.expanded.add(dag);
  const nodes: LineageNode[] = [];
  const inView = new Set<string>();
  for (const key of selection.members) {
    const node = graph.node(key);
    if (!node) continue;
    if (node.label === 'Dag' && selection.expanded.has(key)) {
      for (const taskKey of graph.outTo(key, 'HAS_TASK')) {
        const task = graph.node(taskKey);
        if (task) nodes.push({ ...toViewNode(task, false), dagKey: key });
        inView.add(taskKey);
      }
    } else {
      nodes.push(toViewNode(node, node.label === 'Dag'));
      inView.add(key);
    }
  }
  const truncated = nodes.length > MAX_VIEW_NODES;
  const kept = truncated ? new Set(nodes.slice(0, MAX_VIEW_NODES).map((n) => n.key)) : inView;
  const edges = viewEdges(graph, selection, kept);
  return { nodes: truncated ? nodes.slice(0, MAX_VIEW_NODES) : nodes, edges, truncated };
}

function select(graph: EmbeddedGraph, envId: string, scope: LineageScope): Selection {
  if (scope.kind === 'environment' || scope.kind === 'environments') {
    // Assets are keyed by URI alone, so one that several environments share joins their DAGs.
    const dags = (scope.kind === 'environment' ? [envId] : scope.envIds).flatMap((id) => graph.outTo(nodeKeys.environment(id), 'HAS_DAG'));
    const members = new Set<string>(dags);
    for (const dag of dags)
      for (const a of [...dagLevelNeighbours(graph, dag, 'down'), ...dagLevelNeighbours(graph, dag, 'up')])
        if (graph.node(a)?.label === 'Asset') members.add(a);
    return { members, expanded: scope.expand ? new Set(dags) : new Set() };
  }
  if (scope.kind === 'asset') {
    const start = nodeKeys.asset(scope.uri);
    if (!graph.node(start)) throw new ApiError('not_found', 'That asset is not in the lineage graph.', 'Pick an asset from the list.');
    const members = new Set<string>([
      start,
      ...around(graph, start, 'down', scope.depth * 2),
      ...around(graph, start, 'up', scope.depth * 2),
    ]);
    return { members, expanded: new Set() };
  }
  const dag = nodeKeys.dag(envId, scope.dagId);
  if (!graph.node(dag)) throw new ApiError('not_found', `DAG "${scope.dagId}" is not in the lineage graph.`, 'Pick a DAG from the list.');
  if (scope.kind === 'dag') return { members: new Set([dag]), expanded: new Set([dag]) };
  const members = new Set<string>([dag, ...around(graph, dag, 'down', 2), ...around(graph, dag, 'up', 2)]);
  return { members, expanded: new Set([dag]) };
}

/** DAGs and assets within `hops` DAG-level hops in one direction (an asset and a DAG are one hop each). */
function around(graph: EmbeddedGraph, start: string, direction: 'down' | 'up', hops: number): string[] {
  const seen = new Set<string>([start]);
  let frontier = [start];
  for (let i = 0; i < hops && frontier.length > 0; i += 1) {
    const next: string[] = [];
    for (const key of frontier) {
      for (const n of dagLevelNeighbours(graph, key, direction)) {
        if (seen.has(n)) continue;
        seen.add(n);
        next.push(n);
      }
    }
    frontier = next;
  }
  seen.delete(start);
  return [...seen];
}

function toViewNode(node: GraphNode, collapsed: boolean): LineageNode {
  const p = node.props;
  const kind = node.label === 'Task' ? 'task' : node.label === 'Asset' ? 'asset' : 'dag';
  return {
    key: node.key,
    kind,
    name: str(p.name) ?? node.key,
    envId: str(p.envId),
    dagId: str(p.dagId),
    state: kind === 'dag' ? str(p.lastRunState) : kind === 'task' ? str(p.lastState) : null,
    lastRunAt: kind === 'asset' ? str(p.lastEventAt) : str(p.lastRunAt),
    failureRate: typeof p.failureRate === 'number' ? p.failureRate : null,
    group: str(p.taskGroup),
    collapsed,
  };
}

/** Maps an edge end onto what the view shows: a collapsed DAG stands for its tasks; an expanded DAG is its first or last tasks. */
function endpoints(graph: EmbeddedGraph, key: string, selection: Selection, side: 'from' | 'to'): string[] {
  const node = graph.node(key);
  if (node?.label === 'Task') {
    const dag = dagOf(graph, key);
    return selection.expanded.has(dag) ? [key] : [dag];
  }
  if (node?.label === 'Dag' && selection.expanded.has(key)) {
    const tasks = graph.outTo(key, 'HAS_TASK');
    // Sources of a DAG are its last tasks (nothing depends on them); targets its first tasks.
    return side === 'from'
      ? tasks.filter((t) => graph.inFrom(t, 'DEPENDS_ON').length === 0)
      : tasks.filter((t) => graph.outTo(t, 'DEPENDS_ON').length === 0);
  }
  return [key];
}

function viewEdges(graph: EmbeddedGraph, selection: Selection, inView: Set<string>): LineageEdge[] {
  const edges = new Map<string, LineageEdge>();
  const add = (from: string, to: string, kind: LineageEdgeKind): void => {
    for (const f of endpoints(graph, from, selection, 'from')) {
      for (const t of endpoints(graph, to, selection, 'to')) {
        if (f !== t && inView.has(f) && inView.has(t)) edges.set(JSON.stringify([f, t]), { from: f, to: t, kind });
      }
    }
  };
  for (const member of selection.members) {
    const node = graph.node(member);
    if (node?.label !== 'Dag') continue;
    for (const m of [member, ...graph.outTo(member, 'HAS_TASK')]) {
      for (const e of graph.out(m)) {
        if (e.type === 'DEPENDS_ON') add(e.to, e.from, 'task');
        else if (e.type === 'PRODUCES') add(e.from, e.to, 'produces');
        else if (e.type === 'CONSUMES') add(e.to, e.from, 'consumes');
        else if (e.type === 'TRIGGERS') add(e.from, e.to, 'triggers');
      }
    }
  }
  return [...edges.values()];
}
