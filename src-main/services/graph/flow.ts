import type { EmbeddedGraph } from './embedded-graph';

/**
 * Data-flow steps: where work or data goes next. A task feeds the tasks that
 * depend on it, the assets it produces and the DAGs it triggers; a DAG feeds
 * its tasks and the assets it produces as a whole; an asset feeds its consumers.
 * `upstreamSteps` is the exact inverse. The saved Cypher follows the same rules.
 */
export function downstreamSteps(graph: EmbeddedGraph, key: string): string[] {
  const node = graph.node(key);
  if (!node) return [];
  const out: string[] = [];
  if (node.label === 'Task') {
    for (const e of graph.in(key)) if (e.type === 'DEPENDS_ON') out.push(e.from);
    for (const e of graph.out(key)) if (e.type === 'PRODUCES' || e.type === 'TRIGGERS') out.push(e.to);
  } else if (node.label === 'Dag') {
    for (const e of graph.out(key)) if (e.type === 'HAS_TASK' || e.type === 'PRODUCES') out.push(e.to);
  } else if (node.label === 'Asset') {
    for (const e of graph.in(key)) if (e.type === 'CONSUMES') out.push(e.from);
  }
  return out;
}

export function upstreamSteps(graph: EmbeddedGraph, key: string): string[] {
  const node = graph.node(key);
  if (!node) return [];
  const out: string[] = [];
  if (node.label === 'Task') {
    for (const e of graph.out(key)) if (e.type === 'DEPENDS_ON' || e.type === 'CONSUMES') out.push(e.to);
    for (const e of graph.in(key)) if (e.type === 'HAS_TASK') out.push(e.from);
  } else if (node.label === 'Dag') {
    for (const e of graph.out(key)) if (e.type === 'CONSUMES') out.push(e.to);
    for (const e of graph.in(key)) if (e.type === 'TRIGGERS') out.push(e.from);
  } else if (node.label === 'Asset') {
    for (const e of graph.in(key)) if (e.type === 'PRODUCES') out.push(e.from);
  }
  return out;
}

export interface Reached {
  key: string;
  depth: number;
  via: string | null;
}

/** Breadth-first walk: every node within `maxDepth` steps with its shortest distance. */
export function walk(graph: EmbeddedGraph, start: string, maxDepth: number, steps: (g: EmbeddedGraph, key: string) => string[]): Reached[] {
  const seen = new Set<string>([start]);
  const reached: Reached[] = [];
  let frontier: string[] = [start];
  for (let depth = 1; depth <= maxDepth && frontier.length > 0; depth += 1) {
    const next: string[] = [];
    for (const from of frontier) {
      for (const to of steps(graph, from)) {
        if (seen.has(to)) continue;
        seen.add(to);
        reached.push({ key: to, depth, via: depth === 1 ? null : from });
        next.push(to);
      }
    }
    frontier = next;
  }
  return reached;
}
