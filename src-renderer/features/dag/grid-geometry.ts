export const CELL = 16;
export const LABEL_W = 220;
export const HEADER_H = 34;

export interface GridViewport {
  scrollLeft: number;
  scrollTop: number;
  width: number;
  height: number;
}

export interface VisibleRange {
  firstCol: number;
  lastCol: number;
  firstRow: number;
  lastRow: number;
}

/**
 * Which columns (runs) and rows (tasks) a viewport shows, clamped to the grid;
 * only these are drawn, so 10,000 runs x 200 tasks cost what one screen costs.
 */
export function visibleRange(view: GridViewport, cols: number, rows: number): VisibleRange {
  const firstCol = Math.max(0, Math.floor(view.scrollLeft / CELL));
  const lastCol = Math.min(cols - 1, Math.ceil((view.scrollLeft + view.width - LABEL_W) / CELL));
  const firstRow = Math.max(0, Math.floor(view.scrollTop / CELL));
  const lastRow = Math.min(rows - 1, Math.ceil((view.scrollTop + view.height - HEADER_H) / CELL));
  return { firstCol, lastCol, firstRow, lastRow };
}

/** The cell under a point of the viewport, or null over the labels, the header or past the grid. */
export function cellAt(view: GridViewport, x: number, y: number, cols: number, rows: number): { col: number; row: number } | null {
  if (x < LABEL_W || y < HEADER_H) return null;
  const col = Math.floor((x - LABEL_W + view.scrollLeft) / CELL);
  const row = Math.floor((y - HEADER_H + view.scrollTop) / CELL);
  return col >= 0 && col < cols && row >= 0 && row < rows ? { col, row } : null;
}

/** The row under a point of the viewport (labels included), or null over the header or past the grid. */
export function rowAt(view: GridViewport, y: number, rows: number): number | null {
  if (y < HEADER_H) return null;
  const row = Math.floor((y - HEADER_H + view.scrollTop) / CELL);
  return row >= 0 && row < rows ? row : null;
}
