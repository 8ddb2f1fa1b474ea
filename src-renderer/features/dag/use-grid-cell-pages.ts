import { useQueries, type UseQueryResult } from '@tanstack/react-query';
import { useMemo } from 'react';
import type { DagGrid, GridCellPage } from '../../../src-shared/domain/dag-history';
import { useApi } from '../../platform/api/api-context';

/** Runs per `dags.gridCells` page. */
export const CELL_PAGE_RUNS = 100;

/** The pages (by run index, newest first) that cover the runs `first`..`last` and one page either side. */
export function pagesAround(first: number, last: number, runCount: number): number[] {
  if (runCount === 0) return [];
  const lastPage = Math.floor((runCount - 1) / CELL_PAGE_RUNS);
  const from = Math.max(0, Math.floor(Math.max(0, first) / CELL_PAGE_RUNS) - 1);
  const to = Math.min(lastPage, Math.floor(Math.max(0, last) / CELL_PAGE_RUNS) + 1);
  const pages: number[] = [];
  for (let p = from; p <= to; p++) pages.push(p);
  return pages;
}

/** The grid with the cells of the loaded pages filled in; runs of other pages keep empty `cells` (drawn as placeholders). */
export function withCellPages(grid: DagGrid, pages: readonly GridCellPage[]): DagGrid {
  if (pages.length === 0) return grid;
  const runs = grid.runs.slice();
  const mapCounts: Record<string, number[]> = {};
  for (const page of pages) {
    page.runs.forEach((cells, i) => {
      const run = runs[page.offset + i];
      if (run?.runId === cells.runId) runs[page.offset + i] = { ...run, cells: cells.cells, tries: cells.tries };
    });
    for (const [taskId, counts] of Object.entries(page.mapCounts)) {
      const all = (mapCounts[taskId] ??= grid.runs.map(() => 0));
      counts.forEach((n, i) => (all[page.offset + i] = n));
    }
  }
  return { ...grid, runs, mapCounts };
}

const combine = (results: UseQueryResult<GridCellPage>[]): GridCellPage[] =>
  results.map((r) => r.data).filter((d): d is GridCellPage => d !== undefined);

/**
 * The grid's cells for the runs in view (run indexes `first`..`last`, newest first) and a page either side, one
 * `dags.gridCells` query per page of 100 runs, so scrolling back to a page already seen is instant.
 */
export function useGridCellPages(grid: DagGrid, window: { from: string; to: string }, first: number, last: number): DagGrid {
  const api = useApi();
  const pages = useQueries({
    queries: pagesAround(first, last, grid.runs.length).map((page) => {
      const input = {
        envId: grid.envId,
        dagId: grid.dagId,
        from: window.from,
        to: window.to,
        offset: page * CELL_PAGE_RUNS,
        count: CELL_PAGE_RUNS,
      };
      return {
        queryKey: ['dags.gridCells', input] as const,
        queryFn: (): Promise<GridCellPage> => api.call['dags.gridCells'](input),
      };
    }),
    combine,
  });
  return useMemo(() => withCellPages(grid, pages), [grid, pages]);
}
