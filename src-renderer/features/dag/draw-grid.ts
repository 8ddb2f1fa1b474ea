import type { DagGrid } from '../../../src-shared/domain/dag-history';
import { drawCell } from './draw-cell';
import { CELL, HEADER_H, LABEL_W, visibleRange, type GridViewport } from './grid-geometry';
import type { RowCell } from './grid-row-cells';
import type { GridRow } from './grid-rows';
import type { GridColors } from './theme-colors';

export interface GridMarks {
  hover: { col: number; row: number } | null;
  cursor: { col: number; row: number } | null;
}

/** The rows the grid shows and what each shows for a run (`runIndex` into `grid.runs`, newest first). */
export interface GridLayout {
  rows: readonly GridRow[];
  cell: (row: GridRow, runIndex: number) => RowCell;
  /** A mapped task's label suffix, e.g. " [3–12]" (its map index counts in the window). */
  mapSuffix: (row: GridRow) => string;
}

/** Columns run oldest → newest; the API sends newest first. */
export const runIndexAt = (grid: DagGrid, col: number): number => grid.runs.length - 1 - col;
export const runAt = (grid: DagGrid, col: number) => grid.runs[runIndexAt(grid, col)];

const INDENT = 12;

function fitText(ctx: CanvasRenderingContext2D, text: string, width: number): string {
  if (ctx.measureText(text).width <= width) return text;
  let cut = text.length;
  while (cut > 1 && ctx.measureText(`${text.slice(0, cut)}…`).width > width) cut -= 1;
  return `${text.slice(0, cut)}…`;
}

/** A caret before a foldable row's label: pointing right when folded, down when open. */
function drawCaret(ctx: CanvasRenderingContext2D, x: number, y: number, open: boolean): void {
  ctx.beginPath();
  if (open) {
    ctx.moveTo(x, y - 2);
    ctx.lineTo(x + 7, y - 2);
    ctx.lineTo(x + 3.5, y + 2.5);
  } else {
    ctx.moveTo(x + 1.5, y - 3.5);
    ctx.lineTo(x + 6, y);
    ctx.lineTo(x + 1.5, y + 3.5);
  }
  ctx.closePath();
  ctx.fill();
}

function drawLabels(
  ctx: CanvasRenderingContext2D,
  layout: GridLayout,
  view: GridViewport,
  colors: GridColors,
  marks: GridMarks,
  firstRow: number,
  lastRow: number,
): void {
  ctx.fillStyle = colors.surface;
  ctx.fillRect(0, HEADER_H, LABEL_W, view.height - HEADER_H);
  ctx.save();
  ctx.beginPath();
  ctx.rect(0, HEADER_H, LABEL_W, view.height - HEADER_H);
  ctx.clip();
  ctx.textBaseline = 'middle';
  ctx.textAlign = 'left';
  for (let r = firstRow; r <= lastRow; r++) {
    const row = layout.rows[r];
    if (!row) continue;
    const y = HEADER_H + r * CELL - view.scrollTop + CELL / 2;
    const x = 8 + row.depth * INDENT;
    const highlighted = marks.cursor?.row === r || marks.hover?.row === r;
    ctx.fillStyle = highlighted ? colors.accent : row.kind === 'map' ? colors.muted : colors.text;
    const foldable = row.kind === 'group' || (row.kind === 'task' && row.mapped);
    if (foldable) drawCaret(ctx, x, y, row.expanded);
    ctx.font = row.kind === 'group' ? '600 11.5px system-ui, sans-serif' : '11.5px ui-monospace, monospace';
    const text = row.kind === 'group' ? `${row.label} (${row.taskIndexes.length})` : `${row.label}${layout.mapSuffix(row)}`;
    const left = x + 11;
    ctx.fillText(fitText(ctx, text, LABEL_W - left - 8), left, y);
  }
  ctx.restore();
}

/** Draws what the viewport shows of the grid: day ticks, run states, version changes, row labels, cells. Text is drawn as text. */
export function drawGrid(
  ctx: CanvasRenderingContext2D,
  grid: DagGrid,
  layout: GridLayout,
  view: GridViewport,
  colors: GridColors,
  marks: GridMarks,
): void {
  const cols = grid.runs.length;
  const rows = layout.rows.length;
  const range = visibleRange(view, cols, rows);
  ctx.clearRect(0, 0, view.width, view.height);
  ctx.fillStyle = colors.surface;
  ctx.fillRect(0, 0, view.width, view.height);
  const colX = (col: number): number => LABEL_W + col * CELL - view.scrollLeft;
  const rowY = (row: number): number => HEADER_H + row * CELL - view.scrollTop;

  ctx.save();
  ctx.beginPath();
  ctx.rect(LABEL_W, HEADER_H, view.width - LABEL_W, view.height - HEADER_H);
  ctx.clip();
  for (let row = range.firstRow; row <= range.lastRow; row++) {
    if (row % 2 === 1 || layout.rows[row]?.kind === 'group') {
      ctx.fillStyle = colors.surface2;
      ctx.fillRect(LABEL_W, rowY(row), view.width - LABEL_W, CELL);
    }
  }
  for (let col = range.firstCol; col <= range.lastCol; col++) {
    const runIndex = runIndexAt(grid, col);
    const run = grid.runs[runIndex];
    if (!run) continue;
    const x = colX(col);
    for (let row = range.firstRow; row <= range.lastRow; row++) {
      const gridRow = layout.rows[row];
      if (!gridRow) continue;
      const cell = layout.cell(gridRow, runIndex);
      if (cell.state === null && run.cells.length === 0 && grid.tasks.length > 0) {
        // Not loaded yet: a faint placeholder until its page of cells arrives.
        ctx.fillStyle = colors.border;
        ctx.fillRect(x + CELL / 2 - 1, rowY(row) + CELL / 2 - 1, 2, 2);
      }
      if (cell.state === null) continue;
      drawCell(ctx, colors, cell.state, cell.tries, x, rowY(row), CELL);
    }
    if (run.versionChanged) {
      ctx.fillStyle = colors.accent;
      ctx.fillRect(x + CELL - 1, HEADER_H, 2, view.height - HEADER_H);
    }
  }
  ctx.restore();

  // Header: day ticks and each run's own state.
  ctx.fillStyle = colors.surface;
  ctx.fillRect(0, 0, view.width, HEADER_H);
  ctx.save();
  ctx.beginPath();
  ctx.rect(LABEL_W, 0, view.width - LABEL_W, HEADER_H);
  ctx.clip();
  ctx.font = '10px system-ui, sans-serif';
  ctx.textBaseline = 'top';
  ctx.textAlign = 'left';
  let lastDay = '';
  let lastLabelX = -Infinity;
  for (let col = range.firstCol; col <= range.lastCol; col++) {
    const run = runAt(grid, col);
    if (!run) continue;
    const x = colX(col);
    const day = (run.at ?? '').slice(0, 10);
    if (day !== lastDay && x - lastLabelX > 56) {
      ctx.fillStyle = colors.border;
      ctx.fillRect(x, 2, 1, 14);
      ctx.fillStyle = colors.muted;
      ctx.fillText(day.slice(5), x + 3, 3);
      lastLabelX = x;
    }
    lastDay = day;
    drawCell(ctx, colors, run.state, 0, x, HEADER_H - CELL - 1, CELL);
    if (run.versionChanged) {
      ctx.fillStyle = colors.accent;
      ctx.fillRect(x + CELL - 1, 0, 2, HEADER_H);
    }
  }
  ctx.restore();

  drawLabels(ctx, layout, view, colors, marks, range.firstRow, range.lastRow);
  ctx.fillStyle = colors.border;
  ctx.fillRect(LABEL_W - 1, 0, 1, view.height);
  ctx.fillRect(0, HEADER_H - 1, view.width, 1);
  ctx.fillStyle = colors.muted;
  ctx.font = '10px system-ui, sans-serif';
  ctx.textBaseline = 'top';
  ctx.textAlign = 'left';
  ctx.fillText(`${grid.tasks.length} tasks × ${cols} runs`, 8, 4);

  for (const [mark, width] of [
    [marks.hover, 1],
    [marks.cursor, 2],
  ] as const) {
    if (mark === null) continue;
    const x = colX(mark.col);
    const y = rowY(mark.row);
    if (x < LABEL_W - CELL || y < HEADER_H - CELL) continue;
    ctx.strokeStyle = colors.focus;
    ctx.lineWidth = width;
    ctx.strokeRect(x + 0.5, y + 0.5, CELL - 1, CELL - 1);
  }
}
