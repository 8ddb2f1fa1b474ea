/**
 * How long the lineage layouts take on the UI thread (why large views lay out in a Web Worker):
 * dagre on growing synthetic views, and the layered layout on 2,000 nodes / 5,000 edges.
 * Run: npx tsx scripts/lineage-layout-timing.ts
 */
import dagre from '@dagrejs/dagre';
import { syntheticView } from '../bench/graph/synthetic-view';
import { layeredLayout } from '../src-renderer/features/lineage/layered-layout';
import { NODE_HEIGHT, nodeWidth } from '../src-renderer/features/lineage/layout-graph';

function dagreMs(nodes: number, edges: number): number {
  const view = syntheticView(nodes, edges);
  const g = new dagre.graphlib.Graph({ multigraph: false });
  g.setGraph({ rankdir: 'LR', nodesep: 16, ranksep: 56, marginx: 24, marginy: 24 });
  g.setDefaultEdgeLabel(() => ({}));
  for (const node of view.nodes) g.setNode(node.key, { width: nodeWidth(node), height: NODE_HEIGHT });
  for (const e of view.edges) g.setEdge(e.from, e.to);
  const started = performance.now();
  dagre.layout(g);
  return Math.round(performance.now() - started);
}

for (const [nodes, edges] of [
  [20, 40],
  [40, 80],
  [100, 250],
  [300, 750],
] as const)
  console.log(`dagre ${nodes} nodes / ${edges} edges: ${dagreMs(nodes, edges)} ms`);
const big = syntheticView(2_000, 5_000);
for (let i = 0; i < 3; i += 1) {
  const started = performance.now();
  layeredLayout(big.nodes, big.edges, (n) => ({ width: nodeWidth(n), height: NODE_HEIGHT }));
  console.log(`layered layout 2,000 nodes / ${big.edges.length} edges (run ${i + 1}): ${Math.round(performance.now() - started)} ms`);
}
