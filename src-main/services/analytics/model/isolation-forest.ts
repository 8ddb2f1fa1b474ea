/** Mulberry32: a small seeded generator so a forest is reproducible. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Node = { leaf: true; size: number } | { leaf: false; feature: number; split: number; left: Node; right: Node };

/** Average path length of an unsuccessful search in a binary search tree of n points (Liu et al. 2008). */
export function averagePathLength(n: number): number {
  if (n <= 1) return 0;
  if (n === 2) return 1;
  return 2 * (Math.log(n - 1) + 0.5772156649) - (2 * (n - 1)) / n;
}

export interface IsolationForest {
  readonly trees: readonly Node[];
  readonly sampleSize: number;
  readonly d: number;
}

function build(x: Float64Array, d: number, rows: number[], depth: number, limit: number, next: () => number): Node {
  if (depth >= limit || rows.length <= 1) return { leaf: true, size: rows.length };
  const feature = Math.floor(next() * d);
  let lo = Infinity;
  let hi = -Infinity;
  for (const r of rows) {
    const v = x[r * d + feature] ?? 0;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  if (!(hi > lo)) return { leaf: true, size: rows.length };
  const split = lo + next() * (hi - lo);
  const left: number[] = [];
  const right: number[] = [];
  for (const r of rows) ((x[r * d + feature] ?? 0) < split ? left : right).push(r);
  return {
    leaf: false,
    feature,
    split,
    left: build(x, d, left, depth + 1, limit, next),
    right: build(x, d, right, depth + 1, limit, next),
  };
}

/** Isolation Forest (Liu, Ting and Zhou, 2008): random axis splits isolate outliers in few steps. */
export function fitIsolationForest(
  x: Float64Array,
  d: number,
  n: number,
  options: { trees?: number; sampleSize?: number; seed?: number } = {},
): IsolationForest {
  const treesCount = options.trees ?? 100;
  const sampleSize = Math.min(options.sampleSize ?? 256, n);
  const next = rng(options.seed ?? 1);
  const limit = Math.ceil(Math.log2(Math.max(2, sampleSize)));
  const trees: Node[] = [];
  for (let k = 0; k < treesCount; k++) {
    const rows: number[] = [];
    for (let i = 0; i < sampleSize; i++) rows.push(Math.floor(next() * n));
    trees.push(build(x, d, rows, 0, limit, next));
  }
  return { trees, sampleSize, d };
}

function pathLength(node: Node, x: Float64Array, d: number, r: number, depth: number): number {
  if (node.leaf) return depth + averagePathLength(node.size);
  return pathLength((x[r * d + node.feature] ?? 0) < node.split ? node.left : node.right, x, d, r, depth + 1);
}

/** Anomaly score in (0, 1): near 1 isolates quickly (outlier), about 0.5 or less is ordinary. */
export function isolationScore(forest: IsolationForest, x: Float64Array, r: number): number {
  let total = 0;
  for (const t of forest.trees) total += pathLength(t, x, forest.d, r, 0);
  return 2 ** (-(total / forest.trees.length) / averagePathLength(forest.sampleSize));
}
