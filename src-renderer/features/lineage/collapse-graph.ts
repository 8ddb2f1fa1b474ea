import type { ViewEdge, ViewGraph, ViewNode } from './view-graph';

const GROUP_MARK = '#group:';

/** The key of a folded task group: its DAG's key and the group id (`extract` or `extract.inner`). */
export function groupKey(dagKey: string, group: string): string {
  return `${dagKey}${GROUP_MARK}${group}`;
}

export function isGroupKey(key: string): boolean {
  return key.includes(GROUP_MARK);
}

/** Task groups a task sits in, outermost first: `a.b.c` → `a`, `a.b`, `a.b.c`. */
export function groupChain(group: string | null): string[] {
  if (group === null || group === '') return [];
  const parts = group.split('.');
  return parts.map((_, i) => parts.slice(0, i + 1).join('.'));
}

const severity = ['failed', 'upstream_failed', 'up_for_retry', 'running', 'queued', 'success'];

/** The state a folded node shows: the most alarming of its tasks' last states. */
function foldedState(states: readonly (string | null)[]): string | null {
  let best: string | null = null;
  for (const s of states) if (s !== null && (best === null || rank(s) < rank(best))) best = s;
  return best;
}

function rank(state: string): number {
  const i = severity.indexOf(state);
  return i < 0 ? severity.length : i;
}

/**
 * Folds tasks into their DAG (when the DAG's key is in `folded`) or into their
 * outermost folded task group (`groupKey(dag, group)`): each fold becomes one
 * node, edges are re-routed to it, edges inside it disappear, and parallel
 * edges merge into one carrying how many it stands for.
 */
export function collapseGraph(graph: ViewGraph, folded: ReadonlySet<string>): ViewGraph {
  if (folded.size === 0) return graph;
  const into = new Map<string, string>();
  const folds = new Map<string, ViewNode[]>();
  for (const node of graph.nodes) {
    const target = foldTarget(node, folded);
    if (target === null) continue;
    into.set(node.key, target);
    (folds.get(target) ?? folds.set(target, []).get(target))?.push(node);
  }
  if (into.size === 0) return graph;
  const nodes: ViewNode[] = [];
  const placed = new Set<string>();
  for (const node of graph.nodes) {
    const target = into.get(node.key);
    if (target === undefined) {
      nodes.push(node);
    } else if (!placed.has(target)) {
      placed.add(target);
      nodes.push(foldedNode(target, node, folds.get(target) ?? [node]));
    }
  }
  const edges = new Map<string, ViewEdge>();
  for (const e of graph.edges) {
    const from = into.get(e.from) ?? e.from;
    const to = into.get(e.to) ?? e.to;
    if (from === to) continue;
    const id = `${from}\u0000${to}`;
    const seen = edges.get(id);
    if (seen) seen.count = (seen.count ?? 1) + (e.count ?? 1);
    else edges.set(id, { from, to, kind: e.kind, count: e.count ?? 1 });
  }
  return { nodes, edges: [...edges.values()] };
}

function foldTarget(node: ViewNode, folded: ReadonlySet<string>): string | null {
  const dagKey = node.dagKey ?? null;
  if (node.kind !== 'task' || dagKey === null) return null;
  if (folded.has(dagKey)) return dagKey;
  for (const g of groupChain(node.group)) if (folded.has(groupKey(dagKey, g))) return groupKey(dagKey, g);
  return null;
}

function foldedNode(key: string, first: ViewNode, members: readonly ViewNode[]): ViewNode {
  const isGroup = isGroupKey(key);
  const group = isGroup ? key.slice(key.indexOf(GROUP_MARK) + GROUP_MARK.length) : null;
  return {
    key,
    kind: isGroup ? 'group' : 'dag',
    name: group ?? first.dagId ?? key,
    envId: first.envId,
    dagId: first.dagId,
    state: foldedState(members.map((m) => m.state)),
    lastRunAt: members.reduce<string | null>(
      (acc, m) => (m.lastRunAt !== null && (acc === null || m.lastRunAt > acc) ? m.lastRunAt : acc),
      null,
    ),
    failureRate: null,
    group,
    collapsed: true,
    dagKey: first.dagKey ?? null,
    members: members.length,
  };
}
