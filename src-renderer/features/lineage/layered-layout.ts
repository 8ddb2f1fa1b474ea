import type { LineageLayout } from './layout-graph';
import type { ViewEdge, ViewNode } from './view-graph';

const GAP_X = 48;
const GAP_Y = 10;
const SWEEPS = 4;

/**
 * A fast layered layout for large views (dagre's crossing minimisation is too
 * slow past a few hundred nodes): longest-path ranks, a few barycentre sweeps
 * to order each rank, straight rows, curved edges between neighbouring columns.
 */
export function layeredLayout(
  nodes: readonly ViewNode[],
  edges: readonly ViewEdge[],
  size: (n: ViewNode) => { width: number; height: number },
): LineageLayout {
  const index = new Map(nodes.map((n, i) => [n.key, i]));
  const outs: number[][] = nodes.map(() => []);
  const ins: number[][] = nodes.map(() => []);
  const kept = edges.filter((e) => index.has(e.from) && index.has(e.to) && e.from !== e.to);
  for (const e of kept) {
    const a = index.get(e.from) ?? 0;
    const b = index.get(e.to) ?? 0;
    outs[a]?.push(b);
    ins[b]?.push(a);
  }
  const rank = ranks(nodes.length, outs, ins);
  const layers: number[][] = [];
  rank.forEach((r, i) => (layers[r] ??= []).push(i));
  const position = new Float64Array(nodes.length);
  const reindex = (): void => layers.forEach((layer) => layer.forEach((n, i) => (position[n] = i)));
  reindex();
  for (let s = 0; s < SWEEPS; s += 1) {
    const down = s % 2 === 0;
    for (let li = down ? 1 : layers.length - 2; down ? li < layers.length : li >= 0; li += down ? 1 : -1) {
      const layer = layers[li] ?? [];
      const bary = new Map<number, number>();
      for (const n of layer) {
        const around = (down ? ins[n] : outs[n]) ?? [];
        bary.set(n, around.length === 0 ? (position[n] ?? 0) : around.reduce((acc, m) => acc + (position[m] ?? 0), 0) / around.length);
      }
      layer.sort((a, b) => (bary.get(a) ?? 0) - (bary.get(b) ?? 0));
      layer.forEach((n, i) => (position[n] = i));
    }
  }
  const sizes = nodes.map(size);
  const placed: LineageLayout['nodes'] = new Array(nodes.length);
  let x = 24;
  let height = 0;
  for (const layer of layers) {
    const width = Math.max(0, ...layer.map((n) => sizes[n]?.width ?? 0));
    let y = 24;
    for (const n of layer) {
      const s = sizes[n] ?? { width: 0, height: 0 };
      const node = nodes[n];
      if (node) placed[n] = { node, x: x + width / 2, y: y + s.height / 2, width: s.width, height: s.height };
      y += s.height + GAP_Y;
    }
    height = Math.max(height, y);
    x += width + GAP_X;
  }
  const layoutEdges = kept.map((edge) => {
    const a = placed[index.get(edge.from) ?? 0];
    const b = placed[index.get(edge.to) ?? 0];
    const sx = (a?.x ?? 0) + (a?.width ?? 0) / 2;
    const tx = (b?.x ?? 0) - (b?.width ?? 0) / 2;
    const mid = (sx + tx) / 2;
    return {
      edge,
      points: [
        { x: sx, y: a?.y ?? 0 },
        { x: mid, y: a?.y ?? 0 },
        { x: mid, y: b?.y ?? 0 },
        { x: tx, y: b?.y ?? 0 },
      ],
    };
  });
  return { nodes: placed.filter(Boolean), edges: layoutEdges, width: x + 24, height: height + 24 };
}

/** Longest-path ranks in topological order; edges closing a cycle are ignored. */
function ranks(count: number, outs: number[][], ins: number[][]): number[] {
  const rank = new Array<number>(count).fill(0);
  const indegree = ins.map((list) => list.length);
  const queue: number[] = [];
  indegree.forEach((d, i) => d === 0 && queue.push(i));
  const done = new Uint8Array(count);
  for (let head = 0; ; ) {
    while (head < queue.length) {
      const n = queue[head++] ?? 0;
      done[n] = 1;
      for (const m of outs[n] ?? []) {
        rank[m] = Math.max(rank[m] ?? 0, (rank[n] ?? 0) + 1);
        indegree[m] = (indegree[m] ?? 1) - 1;
        if (indegree[m] === 0) queue.push(m);
      }
    }
    const stuck = done.findIndex((d, i) => d === 0 && (indegree[i] ?? 0) > 0);
    if (stuck < 0) break;
    indegree[stuck] = 0;
    queue.push(stuck);
  }
  return rank;
}
