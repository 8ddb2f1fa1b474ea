import type { QueryCell } from '../../../src-shared/domain/graph-query';

type Obj = { [key: string]: QueryCell };
const isObj = (v: QueryCell): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

export interface GraphCellNode {
  id: string;
  labels: string[];
  name: string;
}
export interface GraphCellRel {
  id: string;
  type: string;
  start: string;
  end: string;
}

export function asNode(v: QueryCell): GraphCellNode | null {
  if (!isObj(v) || v.$kind !== 'node') return null;
  const props = isObj(v.props ?? null) ? (v.props as Obj) : {};
  const labels = Array.isArray(v.labels) ? v.labels.map(String) : [];
  return { id: String(v.id), labels, name: String(props.name ?? props.key ?? v.id) };
}

export function asRel(v: QueryCell): GraphCellRel | null {
  if (!isObj(v) || v.$kind !== 'rel') return null;
  return { id: String(v.id), type: String(v.type), start: String(v.start), end: String(v.end) };
}

/** A cell as short text: nodes as (:Label name), relationships as [:TYPE], the rest as JSON. */
export function cellText(v: QueryCell): string {
  if (v === null) return '—';
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  const node = asNode(v);
  if (node) return `(:${node.labels.join(':')} ${node.name})`;
  const rel = asRel(v);
  if (rel) return `[:${rel.type}]`;
  if (isObj(v) && v.$kind === 'path') return `path of ${Array.isArray(v.segments) ? v.segments.length : 0} steps`;
  if (Array.isArray(v)) return v.map(cellText).join(', ');
  return JSON.stringify(v);
}

/** Every node and relationship in a result, paths unrolled. */
export function graphOf(rows: readonly (readonly QueryCell[])[]): { nodes: Map<string, GraphCellNode>; rels: Map<string, GraphCellRel> } {
  const nodes = new Map<string, GraphCellNode>();
  const rels = new Map<string, GraphCellRel>();
  const visit = (v: QueryCell): void => {
    const n = asNode(v);
    if (n) return void nodes.set(n.id, n);
    const r = asRel(v);
    if (r) return void rels.set(r.id, r);
    if (Array.isArray(v)) v.forEach(visit);
    else if (isObj(v) && v.$kind === 'path' && Array.isArray(v.segments))
      v.segments.forEach((s) => isObj(s) && [s.start, s.rel, s.end].forEach((x) => visit(x ?? null)));
  };
  rows.forEach((row) => row.forEach(visit));
  for (const [id, r] of rels) if (!nodes.has(r.start) || !nodes.has(r.end)) rels.delete(id);
  return { nodes, rels };
}
