import type { Session } from 'neo4j-driver';
import { GraphNodeLabel, GraphRelType } from '../../../../src-shared/domain/graph';
import type { EmbeddedGraph } from '../embedded-graph';
import { relEnds } from '../graph-model';
import { graphRows, relGroupId, relId, type NodeRow } from './graph-rows';
import { readOwnedNodes, readOwnedRels } from './statements';

export interface RelStep {
  type: GraphRelType;
  from: GraphNodeLabel;
  to: GraphNodeLabel;
  rows: { from: string; to: string }[];
}

/** What one sync must write: only what differs from what Neo4j already holds. */
export interface SyncPlan {
  creates: { label: GraphNodeLabel; rows: NodeRow[] }[];
  updates: { label: GraphNodeLabel; rows: NodeRow[] }[];
  nodeDeletes: { label: GraphNodeLabel; keys: string[] }[];
  relCreates: RelStep[];
  relDeletes: RelStep[];
  nodes: number;
  rels: number;
}

const modelLabel = (labels: unknown): GraphNodeLabel | null => {
  const list = Array.isArray(labels) ? labels : [];
  const found = list.find((l): l is GraphNodeLabel => GraphNodeLabel.safeParse(l).success);
  return found ?? null;
};

/** Reads keys and hashes back from Neo4j (two queries) and compares them with the embedded graph. */
export async function planSync(session: Session, graph: EmbeddedGraph): Promise<SyncPlan> {
  const rows = graphRows(graph);
  const plan: SyncPlan = { creates: [], updates: [], nodeDeletes: [], relCreates: [], relDeletes: [], nodes: graph.nodeCount, rels: graph.edgeCount };
  const existingNodes = new Map<GraphNodeLabel, Map<string, string | null>>();
  for (const r of (await session.executeRead((tx) => tx.run(readOwnedNodes))).records) {
    const label = modelLabel(r.get('labels'));
    const key: unknown = r.get('key');
    const hash: unknown = r.get('hash');
    if (label === null || typeof key !== 'string') continue;
    const map = existingNodes.get(label) ?? new Map<string, string | null>();
    map.set(key, typeof hash === 'string' ? hash : null);
    existingNodes.set(label, map);
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
  const existingRels = new Map<string, { from: string; to: string }[]>();
  for (const r of (await session.executeRead((tx) => tx.run(readOwnedRels))).records) {
    const type = GraphRelType.safeParse(r.get('type'));
    const from = modelLabel(r.get('from'));
    const to = modelLabel(r.get('to'));
    if (!type.success || from === null || to === null) continue;
    const id = relGroupId(type.data, from, to);
    const list = existingRels.get(id) ?? [];
    list.push({ from: String(r.get('fromKey')), to: String(r.get('toKey')) });
    existingRels.set(id, list);
  }
  for (const [type, ends] of Object.entries(relEnds) as [GraphRelType, (typeof relEnds)[GraphRelType]][]) {
    for (const { from, to } of ends) {
      const existing = existingRels.get(relGroupId(type, from, to)) ?? [];
      const existingIds = new Set(existing.map((w) => relId(w.from, w.to)));
      const wanted = rows.rels.get(relGroupId(type, from, to))?.rows ?? [];
      const wantedIds = new Set(wanted.map((w) => relId(w.from, w.to)));
      const missing = wanted.filter((w) => !existingIds.has(relId(w.from, w.to)));
      if (missing.length > 0) plan.relCreates.push({ type, from, to, rows: missing });
      const stale = existing.filter((w) => !wantedIds.has(relId(w.from, w.to)));
      if (stale.length > 0) plan.relDeletes.push({ type, from, to, rows: stale });
    }
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
