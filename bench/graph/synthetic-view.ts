import type { LineageEdge, LineageNode } from '../../src-shared/domain/lineage';

/** A lineage view of `nodes` tasks in layered chains with about `edges` edges (deterministic). */
export function syntheticView(nodes: number, edges: number): { nodes: LineageNode[]; edges: LineageEdge[] } {
  const width = 40;
  const list: LineageNode[] = Array.from({ length: nodes }, (_, i) => ({
    key: `n${i}`,
    kind: i % 25 === 0 ? 'asset' : 'task',
    name: `task_${i}_${'x'.repeat(i % 12)}`,
    envId: 'bench',
    dagId: `dag_${Math.floor(i / width)}`,
    state: i % 17 === 0 ? 'failed' : 'success',
    lastRunAt: null,
    failureRate: null,
    group: null,
    collapsed: false,
  }));
  const out: LineageEdge[] = [];
  const seen = new Set<string>();
  let seed = 7;
  const next = (): number => (seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648;
  for (let i = width; out.length < edges && i < nodes * 4; i += 1) {
    const to = i % nodes < width ? (i % nodes) + width : i % nodes;
    const layer = Math.floor(to / width);
    const from = Math.floor((layer - 1 - Math.floor(next() * Math.min(2, layer - 1 + 1))) * width + next() * width);
    const id = `${from}>${to}`;
    if (from < 0 || from >= to || seen.has(id)) continue;
    seen.add(id);
    out.push({ from: `n${from}`, to: `n${to}`, kind: 'task' });
  }
  return { nodes: list, edges: out };
}
