import type { ReactNode } from 'react';
import type { ViewNode } from './view-graph';

/** The panel of a collapsed task group (a node of the view only, not of the graph). */
export function GroupPanel({ node, actions, onClose }: { node: ViewNode; actions: ReactNode; onClose: () => void }) {
  return (
    <aside className="lineage-panel" aria-label="Node details">
      <div className="lineage-panel-head">
        <h2>{node.name}</h2>
        <button type="button" className="button button-small" onClick={onClose} aria-label="Close details">
          ✕
        </button>
      </div>
      <p className="muted">
        Task group of DAG {node.dagId ?? '?'}
        {node.envId !== null ? ` in ${node.envId}` : ''} · {node.members ?? 0} tasks collapsed
      </p>
      {actions}
    </aside>
  );
}
