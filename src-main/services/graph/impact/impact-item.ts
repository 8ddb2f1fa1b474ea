import type { ImpactItem } from '../../../../src-shared/domain/graph';
import type { EmbeddedGraph } from '../embedded-graph';
import type { Reached } from '../flow';

const text = (v: unknown): string | null => (typeof v === 'string' ? v : null);

/** A reached node as the API shows it. */
export function toImpactItem(graph: EmbeddedGraph, r: Reached): ImpactItem {
  const node = graph.node(r.key);
  if (!node) throw new Error(`unknown node ${r.key}`);
  return {
    key: r.key,
    label: node.label,
    name: text(node.props.name) ?? r.key,
    envId: text(node.props.envId),
    dagId: text(node.props.dagId),
    depth: r.depth,
    via: r.via,
  };
}

/** Orders by depth, then key: the same order the saved Cypher returns. */
export function byDepthThenKey(a: { depth: number; key: string }, b: { depth: number; key: string }): number {
  return a.depth - b.depth || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
}
