import type { LineageEdge } from '../../../src-shared/domain/lineage';

export interface Adjacency {
  down: Map<string, string[]>;
  up: Map<string, string[]>;
}

export function buildAdjacency(edges: readonly LineageEdge[]): Adjacency {
  const down = new Map<string, string[]>();
  const up = new Map<string, string[]>();
  for (const e of edges) {
    (down.get(e.from) ?? down.set(e.from, []).get(e.from))?.push(e.to);
    (up.get(e.to) ?? up.set(e.to, []).get(e.to))?.push(e.from);
  }
  return { down, up };
}

function reach(start: string, next: Map<string, string[]>): Set<string> {
  const seen = new Set<string>();
  const stack = [start];
  while (stack.length > 0) {
    const key = stack.pop() ?? '';
    for (const n of next.get(key) ?? []) {
      if (!seen.has(n) && n !== start) {
        seen.add(n);
        stack.push(n);
      }
    }
  }
  return seen;
}

/** Everything upstream and downstream of a node in the view, for hover highlighting. */
export function tracePaths(adjacency: Adjacency, key: string): { upstream: Set<string>; downstream: Set<string> } {
  return { upstream: reach(key, adjacency.up), downstream: reach(key, adjacency.down) };
}

/** Whether an edge lies on the traced upstream or downstream path of `key`. */
export function edgeOnPath(
  edge: LineageEdge,
  key: string,
  traced: { upstream: Set<string>; downstream: Set<string> },
): 'up' | 'down' | null {
  if (traced.upstream.has(edge.from) && (edge.to === key || traced.upstream.has(edge.to))) return 'up';
  if ((edge.from === key || traced.downstream.has(edge.from)) && traced.downstream.has(edge.to)) return 'down';
  return null;
}
