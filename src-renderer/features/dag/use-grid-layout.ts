import { useMemo } from 'react';
import type { DagGrid } from '../../../src-shared/domain/dag-history';
import type { GridLayout } from './draw-grid';
import { rowCell } from './grid-row-cells';
import { buildGridRows, toggleFold, type GridFolding, type GridRow } from './grid-rows';
import { useGridFolding } from './use-grid-folding';
import { useUnfoldedMaps } from './use-unfolded-maps';

/** " [3–12]": how many map indexes a mapped task had per run in the window. */
function countRange(counts: readonly number[] | undefined): string {
  const seen = (counts ?? []).filter((n) => n > 0);
  if (seen.length === 0) return ' [ ]';
  const low = Math.min(...seen);
  const high = Math.max(...seen);
  return low === high ? ` [${low}]` : ` [${low}–${high}]`;
}

export interface GridLayoutState extends GridLayout {
  folding: GridFolding;
  setFolding: (next: GridFolding) => void;
  /** Flips a group's or a mapped task's fold. */
  toggle: (row: GridRow) => void;
}

/** The grid's rows under the user's folding (kept per DAG), with the map indexes of expanded mapped tasks fetched for the window. */
export function useGridLayout(grid: DagGrid, window: { from: string; to: string }): GridLayoutState {
  const [folding, setFolding] = useGridFolding(grid.envId, grid.dagId);
  const mappedIds = useMemo(() => new Set(grid.tasks.filter((t) => t.isMapped).map((t) => t.taskId)), [grid.tasks]);
  const expanded = folding.expandedMapped.filter((id) => mappedIds.has(id));
  const maps = useUnfoldedMaps(grid.envId, grid.dagId, window.from, window.to, expanded);
  const rows = useMemo(() => buildGridRows(grid.tasks, folding, (taskId) => maps.get(taskId)?.mapIndexes), [grid.tasks, folding, maps]);
  return useMemo(() => {
    const suffixes = new Map(Object.entries(grid.mapCounts).map(([taskId, counts]) => [taskId, countRange(counts)]));
    return {
      rows,
      cell: (row, runIndex) => rowCell(grid, row, runIndex, maps),
      mapSuffix: (row) => (row.kind === 'task' && row.mapped ? (suffixes.get(grid.tasks[row.taskIndex]?.taskId ?? '') ?? ' [ ]') : ''),
      folding,
      setFolding,
      toggle: (row) => setFolding(toggleFold(folding, row, grid.tasks)),
    };
  }, [grid, rows, maps, folding, setFolding]);
}
