import type { DagGrid } from '../../../src-shared/domain/dag-history';
import { GridCanvas } from './GridCanvas';
import { GridFoldBar } from './GridFoldBar';
import { useGridLayout } from './use-grid-layout';

/** The grid with its folds: task groups and mapped tasks collapse and expand, remembered per DAG. */
export function GridView({ grid, window, theme }: { grid: DagGrid; window: { from: string; to: string }; theme: string }) {
  const layout = useGridLayout(grid, window);
  return (
    <>
      <GridFoldBar grid={grid} layout={layout} />
      <GridCanvas grid={grid} envId={grid.envId} dagId={grid.dagId} theme={theme} layout={layout} />
    </>
  );
}
