import type { DagGrid, GridMapIndexes, GridMapRun } from '../../../src-shared/domain/dag-history';
import type { TaskState } from '../../../src-shared/domain/states';
import { worseState } from '../../../src-shared/domain/worst-state';
import type { GridRow } from './grid-rows';

export interface RowCell {
  state: TaskState | null;
  tries: number;
  /** A mapped task's summary: how many map indexes the run has. */
  mapCount?: number;
}

/** Unfolded mapped tasks by task id, each run's map-index cells by run id. */
export type MapLookup = ReadonlyMap<string, { mapIndexes: readonly number[]; byRun: ReadonlyMap<string, GridMapRun> }>;

export function mapLookup(unfolded: readonly GridMapIndexes[]): MapLookup {
  return new Map(unfolded.map((u) => [u.taskId, { mapIndexes: u.mapIndexes, byRun: new Map(u.runs.map((run) => [run.runId, run])) }]));
}

const EMPTY: RowCell = { state: null, tries: 0 };

/**
 * What one row shows for the run at `runIndex` of `grid.runs` (newest first): a task its cell, a mapped task the worst
 * of its map indexes and their count, a map index its own instance, a group the worst state of every task inside.
 */
export function rowCell(grid: DagGrid, row: GridRow, runIndex: number, maps: MapLookup): RowCell {
  const run = grid.runs[runIndex];
  if (run === undefined) return EMPTY;
  switch (row.kind) {
    case 'task': {
      const task = grid.tasks[row.taskIndex];
      const count = task === undefined ? undefined : grid.mapCounts[task.taskId]?.[runIndex];
      const cell: RowCell = { state: run.cells[row.taskIndex] ?? null, tries: run.tries[row.taskIndex] ?? 0 };
      return count === undefined ? cell : { ...cell, mapCount: count };
    }
    case 'map': {
      const task = grid.tasks[row.taskIndex];
      const mapRun = task === undefined ? undefined : maps.get(task.taskId)?.byRun.get(run.runId);
      return { state: mapRun?.cells[row.mapColumn] ?? null, tries: mapRun?.tries[row.mapColumn] ?? 0 };
    }
    case 'group': {
      let state: TaskState | null = null;
      for (const i of row.taskIndexes) {
        const s = run.cells[i];
        if (s !== null && s !== undefined) state = worseState(state, s);
      }
      return { state, tries: 0 };
    }
  }
}
