import type { LineageEdge, LineageNode } from '../../../src-shared/domain/lineage';

/**
 * A node as the view draws it: what the API sent, or a folded DAG or task
 * group standing for its tasks. `kind` stays open so a node kind this build
 * does not know yet is drawn neutrally instead of failing.
 */
export interface ViewNode extends Omit<LineageNode, 'kind'> {
  kind: LineageNode['kind'] | 'group' | (string & {});
  /** How many tasks a folded DAG or group stands for. */
  members?: number;
}

/** An edge as drawn: `count` edges of the graph folded into one. */
export interface ViewEdge extends LineageEdge {
  count?: number;
}

export interface ViewGraph {
  nodes: ViewNode[];
  edges: ViewEdge[];
}

const kindWords: Readonly<Record<string, string>> = { dag: 'DAG', task: 'Task', asset: 'Asset', group: 'Task group' };

/** "DAG", "Task", "Asset", "Task group", or the kind itself for one this build does not know. */
export function kindWord(kind: string): string {
  return kindWords[kind] ?? kind.charAt(0).toUpperCase() + kind.slice(1);
}
