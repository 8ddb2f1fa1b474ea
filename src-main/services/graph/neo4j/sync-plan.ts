import type { Driver } from 'neo4j-driver';
import { GraphNodeLabel, GraphRelType } from '../../../../src-shared/domain/graph';
import type { EmbeddedGraph } from '../embedded-graph';
import { graphRows, relId, type NodeRow, type RelRows } from './graph-rows';
import { readOwnedNodes, readOwnedRels } from './statements';

/** What one sync must write: only what differs from what Neo4j already holds. */
export interface SyncPlan {
  creates: { label: GraphNodeLabel; rows: NodeRow[] }[];
  updates: { label: GraphNodeLabel; rows: NodeRow[] }[];
  nodeDeletes: { label: GraphNodeLabel; keys: string[] }[];
  /** Missing relationships, by the keys of their ends. */
  relCreates: RelRows[];
  /** Stale relationships, by the element ids of their ends. */
  relDeletes: RelRows[];
  /** Element id of every node Neo4j already holds, by key (new nodes add theirs as they are written). */
  ids: Map<string, string>;
  nodes: number;
  rels: number;
}

interface OwnedNode {
  label: GraphNodeLabel;
  key: string;
  hash: string | null;
  id: string;
}
interface OwnedRel {
  type: GraphRelType;
  from: string;
  to: string;
}

const modelLabel = (labels: unknown): GraphNodeLabel | null => {
  const list = Array.isArray(labels) ? labels : [];
  const found = list.find((l): l is GraphNodeLabel => GraphNodeLabel.safeParse(l).success);
  return found ?? null;
};

async function readBack(driver: Driver, database: string): Promise<{ nodes: OwnedNode[]; rels: OwnedRel[] }> {
  const read = async (text: string) => {
    const session = driver.session({ database, defaultAccessMode: 'READ' });
    try {
      return (await session.executeRead((tx) => tx.run(text))).records;
    } finally {
      await session.close();
    }
  };
  const [nodeRecords, relRecords] = await Promise.all([read(readOwnedNodes), read(readOwnedRels)]);
  const nodes: OwnedNode[] = [];
  for (const r of nodeRecords) {
    const label = modelLabel(r.get('labels'));
    const key: unknown = r.get('key');
    const hash: unknown = r.get('hash');
    if (label !== null && typeof key === 'string')
      nodes.push({ label, key, hash: typeof hash === 'string' ? hash : null, id: String(r.get('id')) });
  }
  const rels: OwnedRel[] = [];
  for (const r of relRecords) {
    const type = GraphRelType.safeParse(r.get('type'));
    if (type.success) rels.push({ type: type.data, from: String(r.get('from')), to: String(r.get('to')) });
  }
  return { nodes, rels };
}

/** Reads keys, hashes and relationships back from Neo4j (two queries at once) and compares them with the embedded graph. */
export async function planSync(driver: Driver, database: string, graph: EmbeddedGraph): Promise<SyncPlan> {
  const pending = readBack(driver, database);
  const rows = graphRows(graph);
  const owned = await pending;
  const plan: SyncPlan = {
    creates: [],
    updates: [],
    nodeDeletes: [],
    relCreates: [],
    relDeletes: [],
    ids: new Map(),
    nodes: graph.nodeCount,
    rels: graph.edgeCount,
  };

  const existingNodes = new Map<GraphNodeLabel, Map<string, string | null>>();
  const keyOf = new Map<string, string>();
  for (const n of owned.nodes) {
    const map = existingNodes.get(n.label) ?? new Map<string, string | null>();
    map.set(n.key, n.hash);
    existingNodes.set(n.label, map);
    plan.ids.set(n.key, n.id);
    keyOf.set(n.id, n.key);
  }
  for (const label of GraphNodeLabel.options) {
    const existing = existingNodes.get(label) ?? new Map<string, string | null>();
    const wanted = rows.nodes.get(label) ?? [];
    const created = wanted.filter((row) => !existing.has(row.key));
    const changed = wanted.filter((row) => existing.has(row.key) && existing.get(row.key) !== row.hash);
    if (created.length > 0) plan.creates.push({ label, rows: created });
    if (changed.length > 0) plan.updates.push({ label, rows: changed });
    const keep = new Set(wanted.map((row) => row.key));
    const stale = [...existing.keys()].filter((k) => !keep.has(k));
    if (stale.length > 0) plan.nodeDeletes.push({ label, keys: stale });
  }

  const existingRels = new Map<GraphRelType, { ids: { from: string; to: string }[]; keys: Set<string> }>();
  for (const r of owned.rels) {
    const from = keyOf.get(r.from);
    const to = keyOf.get(r.to);
    if (from === undefined || to === undefined) continue;
    const entry = existingRels.get(r.type) ?? { ids: [], keys: new Set<string>() };
    entry.ids.push({ from: r.from, to: r.to });
    entry.keys.add(relId(from, to));
    existingRels.set(r.type, entry);
  }
  for (const type of GraphRelType.options) {
    const existing = existingRels.get(type) ?? { ids: [], keys: new Set<string>() };
    const wanted = rows.rels.get(type)?.rows ?? [];
    const wantedIds = new Set(wanted.map((w) => relId(w.from, w.to)));
    const missing = wanted.filter((w) => !existing.keys.has(relId(w.from, w.to)));
    if (missing.length > 0) plan.relCreates.push({ type, rows: missing });
    const stale = existing.ids.filter((w) => !wantedIds.has(relId(keyOf.get(w.from) ?? '', keyOf.get(w.to) ?? '')));
    if (stale.length > 0) plan.relDeletes.push({ type, rows: stale });
  }
  return plan;
}

export function planSize(plan: SyncPlan): number {
  const sum = (list: { length: number }[]): number => list.reduce((a, b) => a + b.length, 0);
  return (
    sum(plan.creates.map((u) => u.rows)) +
    sum(plan.updates.map((u) => u.rows)) +
    sum(plan.nodeDeletes.map((d) => d.keys)) +
    sum(plan.relCreates.map((c) => c.rows)) +
    sum(plan.relDeletes.map((d) => d.rows))
  );
}
