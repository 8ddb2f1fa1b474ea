import type { ViewNode } from './view-graph';

/** What the person folded and opened in one scope of the lineage view. */
export interface FoldState {
  /** DAG keys and task-group keys folded into one node in the view. */
  folded: readonly string[];
  /** DAGs the scope sends collapsed that the person opened: the request asks for their tasks. */
  expandDags: readonly string[];
}

export const NO_FOLDS: FoldState = { folded: [], expandDags: [] };

const without = (list: readonly string[], key: string): string[] => list.filter((k) => k !== key);
const withKey = (list: readonly string[], key: string): string[] => (list.includes(key) ? [...list] : [...list, key]);

/** Folds a DAG's tasks, or a task group, into one node. */
export function fold(state: FoldState, key: string): FoldState {
  return { ...state, folded: withKey(state.folded, key) };
}

/**
 * Opens a folded node: a fold made in the view just unfolds; a DAG the scope
 * sent collapsed is asked for again with its tasks.
 */
export function unfold(state: FoldState, node: ViewNode): FoldState {
  const folded = without(state.folded, node.key);
  if (node.kind === 'dag' && node.collapsed && node.members === undefined)
    return { folded, expandDags: withKey(state.expandDags, node.key) };
  return { ...state, folded };
}

/** Whether a node can be opened into its tasks. */
export function canUnfold(node: ViewNode): boolean {
  return node.collapsed && (node.kind === 'dag' || node.kind === 'group');
}
