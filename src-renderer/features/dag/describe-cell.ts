import type { DagGrid } from '../../../src-shared/domain/dag-history';
import { stateLooks } from '../../ui/states/state-look';
import { formatAbsolute } from '../../platform/time/format-relative';
import { runIndexAt, type GridLayout } from './draw-grid';

/** The status line for a cell: row, its state (a group's or mapped task's summary), tries, and the run. Plain text. */
export function describeCell(grid: DagGrid, layout: GridLayout, cell: { col: number; row: number }): string {
  const runIndex = runIndexAt(grid, cell.col);
  const run = grid.runs[runIndex];
  const row = layout.rows[cell.row];
  if (!run || !row) return '';
  const shown = layout.cell(row, runIndex);
  const loading = run.cells.length === 0 && grid.tasks.length > 0 && row.kind !== 'map';
  const state = shown.state !== null ? stateLooks[shown.state].label : loading ? 'loading' : 'no instance';
  const task = row.kind === 'group' ? null : grid.tasks[row.taskIndex];
  let what: string;
  if (row.kind === 'group')
    what = `group ${row.id} (${row.taskIndexes.length} tasks, ${row.expanded ? 'expanded' : 'collapsed'}) · worst ${state}`;
  else if (row.kind === 'map') what = `${task?.taskId ?? ''} [${row.mapIndex}] · ${state}`;
  else if (row.mapped) what = `${task?.taskId ?? ''} · ${shown.mapCount ?? 0} map indexes, worst ${state}`;
  else what = `${task?.taskId ?? ''} · ${state}`;
  const tries = shown.tries > 1 ? ` · ${shown.tries} tries` : '';
  return `${what}${tries} · run ${run.runId} (${stateLooks[run.state].label}${run.at !== null ? `, ${formatAbsolute(run.at)}` : ''})${run.versionChanged ? ` · new DAG version ${run.version ?? ''}` : ''}`;
}
