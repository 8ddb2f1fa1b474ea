import { quadtree, type Quadtree } from 'd3';
import type { PlacedNode } from './layout-graph';

export interface HitIndex {
  tree: Quadtree<PlacedNode>;
  /** Half the widest and tallest node: how far from a centre a hit can be. */
  reachX: number;
  reachY: number;
}

/** A quadtree of node centres, for finding the node under the pointer on the canvas. */
export function buildHitIndex(nodes: readonly PlacedNode[]): HitIndex {
  let reachX = 0;
  let reachY = 0;
  for (const n of nodes) {
    reachX = Math.max(reachX, n.width / 2);
    reachY = Math.max(reachY, n.height / 2);
  }
  const tree = quadtree<PlacedNode>()
    .x((n) => n.x)
    .y((n) => n.y)
    .addAll([...nodes]);
  return { tree, reachX, reachY };
}

/** The node whose box holds the graph point (x, y), or null; the nearest centre wins where boxes overlap. */
export function nodeAt(index: HitIndex, x: number, y: number): PlacedNode | null {
  let best: PlacedNode | null = null;
  let bestDistance = Infinity;
  const x0 = x - index.reachX;
  const x1 = x + index.reachX;
  const y0 = y - index.reachY;
  const y1 = y + index.reachY;
  index.tree.visit((quad, qx0, qy0, qx1, qy1) => {
    if (!('length' in quad)) {
      for (let leaf: typeof quad | undefined = quad; leaf; leaf = leaf.next) {
        const n = leaf.data;
        if (Math.abs(n.x - x) <= n.width / 2 && Math.abs(n.y - y) <= n.height / 2) {
          const d = (n.x - x) ** 2 + (n.y - y) ** 2;
          if (d < bestDistance) {
            best = n;
            bestDistance = d;
          }
        }
      }
    }
    return qx0 > x1 || qx1 < x0 || qy0 > y1 || qy1 < y0;
  });
  return best;
}
