import type { EmbeddedGraph } from '../embedded-graph';

/** The DAG a task belongs to; DAGs and assets map to themselves. */
export function dagOf(graph: EmbeddedGraph, key: string): string {
  return graph.node(key)?.label === 'Task' ? (graph.inFrom(key, 'HAS_TASK')[0] ?? key) : key;
}

/** DAG-level neighbours of a DAG or asset, in data-flow direction (used to pick scopes). */
export function dagLevelNeighbours(graph: EmbeddedGraph, key: string, direction: 'down' | 'up'): string[] {
  const node = graph.node(key);
  const out = new Set<string>();
  if (node?.label === 'Dag') {
    const members = [key, ...graph.outTo(key, 'HAS_TASK')];
    for (const m of members) {
      if (direction === 'down') {
        for (const to of graph.outTo(m, 'PRODUCES')) out.add(to);
        for (const to of graph.outTo(m, 'TRIGGERS')) out.add(to);
      } else {
        for (const to of graph.outTo(m, 'CONSUMES')) out.add(to);
      }
    }
    if (direction === 'up') for (const from of graph.inFrom(key, 'TRIGGERS')) out.add(dagOf(graph, from));
  } else if (node?.label === 'Asset') {
    const type = direction === 'down' ? 'CONSUMES' : 'PRODUCES';
    for (const from of graph.inFrom(key, type)) out.add(dagOf(graph, from));
  }
  return [...out];
}
