import { groupChain, groupKey } from './collapse-graph';
import { canUnfold } from './fold-state';
import type { ViewNode } from './view-graph';

/** Collapse a task's DAG or task group into one node, or expand a collapsed one, from the node panel. */
export function FoldActions({
  node,
  onFold,
  onUnfold,
}: {
  node: ViewNode;
  onFold: (key: string) => void;
  onUnfold: (node: ViewNode) => void;
}) {
  const dagKey = node.dagKey ?? null;
  const groups = node.kind === 'task' && dagKey !== null ? groupChain(node.group) : [];
  if (!canUnfold(node) && (node.kind !== 'task' || dagKey === null)) return null;
  return (
    <div className="lineage-fold-actions" role="group" aria-label="Collapse and expand">
      {canUnfold(node) ? (
        <button type="button" className="button button-small" onClick={() => onUnfold(node)}>
          {node.kind === 'group' ? 'Expand group' : 'Expand DAG'}
        </button>
      ) : null}
      {node.kind === 'task' && dagKey !== null ? (
        <button type="button" className="button button-small" onClick={() => onFold(dagKey)}>
          Collapse DAG
        </button>
      ) : null}
      {dagKey !== null
        ? groups.map((g) => (
            <button key={g} type="button" className="button button-small" onClick={() => onFold(groupKey(dagKey, g))}>
              Collapse group {g}
            </button>
          ))
        : null}
    </div>
  );
}
