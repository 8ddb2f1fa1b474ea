import { useCallback, useState } from 'react';
import type { DagGrid } from '../../../src-shared/domain/dag-history';
import { GridCanvas } from './GridCanvas';
import { GridFoldBar } from './GridFoldBar';
import { CELL_PAGE_RUNS, useGridCellPages } from './use-grid-cell-pages';
import { useGridLayout } from './use-grid-layout';

/**
 * The grid with its folds: task groups and mapped tasks collapse and expand, remembered per DAG.
 * `geometry` holds the window's runs and tasks only; the cells of the runs in view come page by page.
 */
export function GridView({ geometry, window, theme }: { geometry: DagGrid; window: { from: string; to: string }; theme: string }) {
  // Run indexes (newest first) in view; until the canvas reports, the newest page (it opens at the right edge).
  const [span, setSpan] = useState({ first: 0, last: CELL_PAGE_RUNS - 1 });
  const grid = useGridCellPages(geometry, window, span.first, span.last);
  const layout = useGridLayout(grid, window);
  const onVisibleRuns = useCallback((first: number, last: number) => {
    // Only a change of page re-renders; scrolling within a page does not.
    const page = (i: number): number => Math.floor(i / CELL_PAGE_RUNS);
    setSpan((was) => (page(was.first) === page(first) && page(was.last) === page(last) ? was : { first, last }));
  }, []);
  return (
    <>
      <GridFoldBar grid={grid} layout={layout} />
      <GridCanvas
        grid={grid}
        scrollKey={geometry}
        envId={grid.envId}
        dagId={grid.dagId}
        theme={theme}
        layout={layout}
        onVisibleRuns={onVisibleRuns}
      />
    </>
  );
}
