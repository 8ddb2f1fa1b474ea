import type { DagGrid } from '../../../src-shared/domain/dag-history';
import { drawCell } from './draw-cell';
import { CELL, HEADER_H, LABEL_W, visibleRange, type GridViewport } from './grid-geometry';
import type { GridColors } from './theme-colors';

export interface GridMarks {
  hover: { col: number; row: number } | null;
  cursor: { col: number; row: number } | null;
}

/** Columns run oldest → newest; the API sends newest first. */
export const runAt = (grid: DagGrid, col: number) => grid.runs[grid.runs.length - 1 - col];

function fitText(ctx: CanvasRenderingContext2D, text: string, width: number): string {
  if (ctx.measureText(text).width <= width) return text;
  let cut = text.length;
  while (cut > 1 && ctx.measureText(`${text.slice(0, cut)}…`).width > width) cut -= 1;
  return `${text.slice(0, cut)}…`;
}

/** Draws what the viewport shows of the grid: day ticks, run states, version changes, task labels, cells. Text is drawn as text. */
export function drawGrid(ctx: CanvasRenderingContext2D, grid: DagGrid, view: GridViewport, colors: GridColors, marks: GridMarks): void {
  const cols = grid.runs.length;
  const rows = grid.tasks.length;
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
    if (row % 2 === 1) {
      ctx.fillStyle = colors.surface2;
      ctx.fillRect(LABEL_W, rowY(row), view.width - LABEL_W, CELL);
    }
  }
  for (let col = range.firstCol; col <= range.lastCol; col++) {
    const run = runAt(grid, col);
    if (!run) continue;
    const x = colX(col);
    for (let row = range.firstRow; row <= range.lastRow; row++) {
      const state = run.cells[row];
      if (state === null || state === undefined) continue;
      drawCell(ctx, colors, state, run.tries[row] ?? 0, x, rowY(row), CELL);
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

  // Task labels.
  ctx.fillStyle = colors.surface;
  ctx.fillRect(0, HEADER_H, LABEL_W, view.height - HEADER_H);
  ctx.save();
  ctx.beginPath();
  ctx.rect(0, HEADER_H, LABEL_W, view.height - HEADER_H);
  ctx.clip();
  ctx.font = '11.5px ui-monospace, monospace';
  ctx.textBaseline = 'middle';
  ctx.textAlign = 'left';
  for (let row = range.firstRow; row <= range.lastRow; row++) {
    const task = grid.tasks[row];
    if (!task) continue;
    const y = rowY(row) + CELL / 2;
    const group = task.group !== null ? `${task.group}.` : '';
    ctx.fillStyle = marks.cursor?.row === row || marks.hover?.row === row ? colors.accent : colors.text;
    ctx.fillText(fitText(ctx, `${group}${task.taskId}${task.isMapped ? ' [ ]' : ''}`, LABEL_W - 16), 8, y);
  }
  ctx.restore();
  ctx.fillStyle = colors.border;
  ctx.fillRect(LABEL_W - 1, 0, 1, view.height);
  ctx.fillRect(0, HEADER_H - 1, view.width, 1);
  ctx.fillStyle = colors.muted;
  ctx.font = '10px system-ui, sans-serif';
  ctx.textBaseline = 'top';
  ctx.fillText(`${rows} tasks × ${cols} runs`, 8, 4);

  for (const [mark, width] of [[marks.hover, 1], [marks.cursor, 2]] as const) {
    if (mark === null) continue;
    const x = colX(mark.col);
    const y = rowY(mark.row);
    if (x < LABEL_W - CELL || y < HEADER_H - CELL) continue;
    ctx.strokeStyle = colors.focus;
    ctx.lineWidth = width;
    ctx.strokeRect(x + 0.5, y + 0.5, CELL - 1, CELL - 1);
  }
}
