import type { GraphEdge, GraphNode, GraphNodeLabel, GraphRelType } from './graph-model';

const edgeId = (e: GraphEdge): string => `${e.type}\u0000${e.from}\u0000${e.to}`;
const none: readonly GraphEdge[] = [];

/** The in-memory lineage graph: nodes by key, typed edges indexed both ways. */
export class EmbeddedGraph {
  private readonly nodeMap = new Map<string, GraphNode>();
  private readonly outgoing = new Map<string, GraphEdge[]>();
  private readonly incoming = new Map<string, GraphEdge[]>();
  private readonly edgeIds = new Set<string>();
  private readonly labelIndex = new Map<GraphNodeLabel, GraphNode[]>();
  private readonly edgeList: GraphEdge[] = [];

  /** Adds a node; a second node with the same key is ignored (the first wins). */
  addNode(node: GraphNode): void {
    if (this.nodeMap.has(node.key)) return;
    this.nodeMap.set(node.key, node);
    const list = this.labelIndex.get(node.label);
    if (list) list.push(node);
    else this.labelIndex.set(node.label, [node]);
  }

  /** Replaces the props of an existing node (used once derived scores are known). */
  updateProps(key: string, props: GraphNode['props']): void {
    const node = this.nodeMap.get(key);
    if (!node) return;
    const next = { ...node, props };
    this.nodeMap.set(key, next);
    const list = this.labelIndex.get(node.label) ?? [];
    const at = list.indexOf(node);
    if (at >= 0) list[at] = next;
  }

  /** Adds an edge between two known nodes; duplicates and dangling ends are ignored. */
  addEdge(type: GraphRelType, from: string, to: string): boolean {
    if (!this.nodeMap.has(from) || !this.nodeMap.has(to)) return false;
    const edge: GraphEdge = { type, from, to };
    const id = edgeId(edge);
    if (this.edgeIds.has(id)) return false;
    this.edgeIds.add(id);
    this.edgeList.push(edge);
    push(this.outgoing, from, edge);
    push(this.incoming, to, edge);
    return true;
  }

  node(key: string): GraphNode | undefined {
    return this.nodeMap.get(key);
  }

  nodesOf(label: GraphNodeLabel): readonly GraphNode[] {
    return this.labelIndex.get(label) ?? [];
  }

  out(key: string): readonly GraphEdge[] {
    return this.outgoing.get(key) ?? none;
  }

  in(key: string): readonly GraphEdge[] {
    return this.incoming.get(key) ?? none;
  }

  /** Ends of outgoing edges of one type. */
  outTo(key: string, type: GraphRelType): string[] {
    return this.out(key)
      .filter((e) => e.type === type)
      .map((e) => e.to);
  }

  /** Starts of incoming edges of one type. */
  inFrom(key: string, type: GraphRelType): string[] {
    return this.in(key)
      .filter((e) => e.type === type)
      .map((e) => e.from);
  }

  get nodeCount(): number {
    return this.nodeMap.size;
  }

  get edgeCount(): number {
    return this.edgeList.length;
  }

  nodes(): IterableIterator<GraphNode> {
    return this.nodeMap.values();
  }

  edges(): readonly GraphEdge[] {
    return this.edgeList;
  }
}

function push(map: Map<string, GraphEdge[]>, key: string, edge: GraphEdge): void {
  const list = map.get(key);
  if (list) list.push(edge);
  else map.set(key, [edge]);
}
