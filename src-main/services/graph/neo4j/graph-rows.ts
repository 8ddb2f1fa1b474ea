import { createHash } from 'node:crypto';
import type { GraphNodeLabel, GraphRelType } from '../../../../src-shared/domain/graph';
import type { EmbeddedGraph } from '../embedded-graph';
import type { PropValue } from '../graph-model';

export interface NodeRow {
  key: string;
  hash: string;
  props: Record<string, PropValue>;
}

/** Relationships of one type, by the keys of their ends. */
export interface RelRows {
  type: GraphRelType;
  rows: { from: string; to: string }[];
}

export const relId = (from: string, to: string): string => `${from}\u0000${to}`;

/** A stable hash of a node's properties: equal hashes mean nothing to write. */
export function propsHash(props: Readonly<Record<string, PropValue>>): string {
  const sorted = Object.keys(props)
    .sort()
    .map((k) => [k, props[k]]);
  return createHash('sha1').update(JSON.stringify(sorted)).digest('base64url');
}

/** The embedded graph as Neo4j rows: nodes by label (props with key and hash), relationships by type. */
export function graphRows(graph: EmbeddedGraph): { nodes: Map<GraphNodeLabel, NodeRow[]>; rels: Map<GraphRelType, RelRows> } {
  const nodes = new Map<GraphNodeLabel, NodeRow[]>();
  for (const node of graph.nodes()) {
    const hash = propsHash(node.props);
    const row: NodeRow = { key: node.key, hash, props: { ...node.props, key: node.key, hash } };
    const list = nodes.get(node.label);
    if (list) list.push(row);
    else nodes.set(node.label, [row]);
  }
  const rels = new Map<GraphRelType, RelRows>();
  for (const edge of graph.edges()) {
    const group = rels.get(edge.type) ?? { type: edge.type, rows: [] };
    group.rows.push({ from: edge.from, to: edge.to });
    rels.set(edge.type, group);
  }
  return { nodes, rels };
}
