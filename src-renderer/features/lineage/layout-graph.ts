import dagre from '@dagrejs/dagre';
import { layeredLayout } from './layered-layout';
import type { ViewEdge, ViewNode } from './view-graph';

export interface PlacedNode {
  node: ViewNode;
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface PlacedEdge {
  edge: ViewEdge;
  points: { x: number; y: number }[];
}

export interface LineageLayout {
  nodes: PlacedNode[];
  edges: PlacedEdge[];
  width: number;
  height: number;
}

export const NODE_HEIGHT = 34;
/** Above this many nodes dagre is too slow; the fast layered layout takes over. */
export const DAGRE_MAX_NODES = 100;
const CHAR_WIDTH = 7.2;

/** Wide enough for the name (clipped at 36 characters) and the state icon. */
export function nodeWidth(node: ViewNode): number {
  const tag = node.members !== undefined ? 40 : 0;
  return Math.round(Math.min(36, Math.max(8, node.name.length)) * CHAR_WIDTH + (node.kind === 'asset' ? 34 : 42) + tag);
}

/** A layered left-to-right layout (dagre, or the fast layered layout when large); React draws it. Pure, so it runs in tests and the bench. */
export function layoutGraph(nodes: readonly ViewNode[], edges: readonly ViewEdge[]): LineageLayout {
  if (nodes.length > DAGRE_MAX_NODES) return layeredLayout(nodes, edges, (n) => ({ width: nodeWidth(n), height: NODE_HEIGHT }));
  const g = new dagre.graphlib.Graph({ multigraph: false });
  g.setGraph({ rankdir: 'LR', nodesep: 16, ranksep: 56, marginx: 24, marginy: 24 });
  g.setDefaultEdgeLabel(() => ({}));
  for (const node of nodes) g.setNode(node.key, { width: nodeWidth(node), height: NODE_HEIGHT });
  for (const edge of edges) if (g.hasNode(edge.from) && g.hasNode(edge.to)) g.setEdge(edge.from, edge.to);
  dagre.layout(g);
  const placed = nodes.map((node) => {
    const at = g.node(node.key);
    return { node, x: at.x, y: at.y, width: at.width, height: at.height };
  });
  const placedEdges = edges
    .filter((edge) => g.hasEdge(edge.from, edge.to))
    .map((edge) => ({ edge, points: (g.edge(edge.from, edge.to).points ?? []).map((p) => ({ x: p.x, y: p.y })) }));
  const graph = g.graph();
  return { nodes: placed, edges: placedEdges, width: graph.width ?? 0, height: graph.height ?? 0 };
}
