import { useMemo } from 'react';
import type { DagGrid } from '../../../src-shared/domain/dag-history';
import { buildGridRows, flip, noFolding } from './grid-rows';
import type { GridLayoutState } from './use-grid-layout';

/**
 * The grid's folds as buttons (the canvas's carets, reachable by Tab and named for screen readers):
 * one per task group and per mapped task, pressed when expanded, and collapse/expand all groups.
 */
export function GridFoldBar({ grid, layout }: { grid: DagGrid; layout: GridLayoutState }) {
  const groups = useMemo(
    () =>
      buildGridRows(grid.tasks, noFolding, () => undefined)
        .filter((row) => row.kind === 'group')
        .map((row) => (row.kind === 'group' ? row.id : '')),
    [grid.tasks],
  );
  const mapped = useMemo(() => grid.tasks.filter((t) => t.isMapped).map((t) => t.taskId), [grid.tasks]);
  if (groups.length === 0 && mapped.length === 0) return null;
  const { folding, setFolding } = layout;
  return (
    <div className="grid-folds" role="group" aria-label="Fold rows of the grid">
      {groups.length > 0 ? (
        <>
          <span className="muted">Task groups</span>
          {groups.map((id) => {
            const open = !folding.collapsedGroups.includes(id);
            return (
              <button
                key={id}
                type="button"
                className="fold-chip"
                aria-expanded={open}
                aria-controls="dag-grid-scroll"
                onClick={() => setFolding({ ...folding, collapsedGroups: flip(folding.collapsedGroups, id) })}
              >
                <span aria-hidden="true">{open ? '▾' : '▸'}</span> {id}
              </button>
            );
          })}
          <button type="button" className="link-button" onClick={() => setFolding({ ...folding, collapsedGroups: groups })}>
            Collapse all
          </button>
          <button type="button" className="link-button" onClick={() => setFolding({ ...folding, collapsedGroups: [] })}>
            Expand all
          </button>
        </>
      ) : null}
      {mapped.length > 0 ? (
        <>
          <span className="muted">Mapped tasks</span>
          {mapped.map((taskId) => {
            const open = folding.expandedMapped.includes(taskId);
            return (
              <button
                key={taskId}
                type="button"
                className="fold-chip"
                aria-expanded={open}
                aria-controls="dag-grid-scroll"
                onClick={() => setFolding({ ...folding, expandedMapped: flip(folding.expandedMapped, taskId) })}
              >
                <span aria-hidden="true">{open ? '▾' : '▸'}</span> {taskId} <span className="muted">map indexes</span>
              </button>
            );
          })}
        </>
      ) : null}
    </div>
  );
}
