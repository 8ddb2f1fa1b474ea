import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { DagGrid } from '../../../src-shared/domain/dag-history';
import { taskHref } from '../../platform/routing/investigate-links';
import { navigate } from '../../platform/routing/use-route';
import { describeCell } from './describe-cell';
import { drawGrid, runAt, runIndexAt } from './draw-grid';
import { CELL, HEADER_H, LABEL_W, cellAt, rowAt, visibleRange, type GridViewport } from './grid-geometry';

/** Room for a horizontal scrollbar and the border under the last row. */
const SCROLLBAR_ALLOWANCE = 20;
import { isFoldable } from './grid-rows';
import { readGridColors } from './theme-colors';
import type { GridLayoutState } from './use-grid-layout';

type Cell = { col: number; row: number };

/**
 * The runs x tasks grid on a canvas inside a scrolling spacer: only the
 * visible cells are drawn, on the next animation frame after a scroll.
 * Arrow keys move a cursor; Enter opens the task instance, or on a task group
 * or mapped task (and Space) folds it; a click on a row's label folds it too.
 */
export function GridCanvas({
  grid,
  scrollKey,
  envId,
  dagId,
  theme,
  layout,
  onVisibleRuns,
}: {
  grid: DagGrid;
  /** A new one (a new window's runs) scrolls back to the newest runs; cells arriving for the same runs do not. */
  scrollKey: unknown;
  envId: string;
  dagId: string;
  theme: string;
  layout: GridLayoutState;
  /** The run indexes (newest first) in view, after each draw. */
  onVisibleRuns: (first: number, last: number) => void;
}) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const frame = useRef(0);
  const [hover, setHover] = useState<Cell | null>(null);
  const [cursorAt, setCursor] = useState<Cell | null>(null);
  const cols = grid.runs.length;
  const rows = layout.rows.length;
  // Folding may remove the row the cursor was on.
  const cursor = useMemo(
    () => (cursorAt === null ? null : { col: Math.min(cursorAt.col, cols - 1), row: Math.min(cursorAt.row, rows - 1) }),
    [cursorAt, cols, rows],
  );

  const viewport = useCallback((): GridViewport | null => {
    const el = scrollRef.current;
    return el === null ? null : { scrollLeft: el.scrollLeft, scrollTop: el.scrollTop, width: el.clientWidth, height: el.clientHeight };
  }, []);

  const draw = useCallback(() => {
    const view = viewport();
    const canvas = canvasRef.current;
    if (view === null || canvas === null) return;
    const ratio = window.devicePixelRatio || 1;
    if (canvas.width !== Math.round(view.width * ratio) || canvas.height !== Math.round(view.height * ratio)) {
      canvas.width = Math.round(view.width * ratio);
      canvas.height = Math.round(view.height * ratio);
      canvas.style.width = `${view.width}px`;
      canvas.style.height = `${view.height}px`;
    }
    const ctx = canvas.getContext('2d');
    if (ctx === null) return;
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
    drawGrid(ctx, grid, layout, view, readGridColors(canvas), { hover, cursor });
    const range = visibleRange(view, grid.runs.length, layout.rows.length);
    onVisibleRuns(runIndexAt(grid, range.lastCol), runIndexAt(grid, range.firstCol));
  }, [grid, layout, hover, cursor, viewport, onVisibleRuns]);

  const schedule = useCallback(() => {
    cancelAnimationFrame(frame.current);
    frame.current = requestAnimationFrame(draw);
  }, [draw]);

  // Start at the newest runs (the right edge).
  useLayoutEffect(() => {
    const el = scrollRef.current;
    if (el !== null) el.scrollLeft = el.scrollWidth;
  }, [scrollKey]);

  useEffect(() => {
    schedule();
    const el = scrollRef.current;
    if (el === null) return undefined;
    const observer = new ResizeObserver(schedule);
    observer.observe(el);
    return () => {
      observer.disconnect();
      cancelAnimationFrame(frame.current);
    };
  }, [schedule, theme]);

  const point = (event: React.MouseEvent<HTMLDivElement>): { x: number; y: number; view: GridViewport } | null => {
    const view = viewport();
    const el = scrollRef.current;
    if (view === null || el === null) return null;
    const box = el.getBoundingClientRect();
    return { x: event.clientX - box.left, y: event.clientY - box.top, view };
  };
  const pointCell = (event: React.MouseEvent<HTMLDivElement>): Cell | null => {
    const p = point(event);
    return p === null ? null : cellAt(p.view, p.x, p.y, cols, rows);
  };

  const open = (cell: Cell): void => {
    const run = runAt(grid, cell.col);
    const row = layout.rows[cell.row];
    if (!run || !row) return;
    // A group or a mapped task's summary has no one instance to open: it unfolds.
    if (row.kind === 'group' || (row.kind === 'task' && row.mapped)) {
      layout.toggle(row);
      return;
    }
    const task = grid.tasks[row.taskIndex];
    if (task) navigate(taskHref(envId, dagId, run.runId, task.taskId, row.kind === 'map' ? row.mapIndex : -1));
  };

  const onClick = (event: React.MouseEvent<HTMLDivElement>): void => {
    const p = point(event);
    if (p === null) return;
    if (p.x < LABEL_W) {
      const r = rowAt(p.view, p.y, rows);
      const row = r === null ? undefined : layout.rows[r];
      if (row !== undefined && isFoldable(row)) layout.toggle(row);
      return;
    }
    const cell = cellAt(p.view, p.x, p.y, cols, rows);
    if (cell !== null) open(cell);
  };

  const moveCursor = (next: Cell): void => {
    const clamped = { col: Math.max(0, Math.min(cols - 1, next.col)), row: Math.max(0, Math.min(rows - 1, next.row)) };
    setCursor(clamped);
    const el = scrollRef.current;
    if (el === null) return;
    const x = clamped.col * CELL;
    const y = clamped.row * CELL;
    const innerW = el.clientWidth - LABEL_W;
    const innerH = el.clientHeight - HEADER_H;
    if (x < el.scrollLeft) el.scrollLeft = x;
    else if (x + CELL > el.scrollLeft + innerW) el.scrollLeft = x + CELL - innerW;
    if (y < el.scrollTop) el.scrollTop = y;
    else if (y + CELL > el.scrollTop + innerH) el.scrollTop = y + CELL - innerH;
  };

  const onKeyDown = (event: React.KeyboardEvent<HTMLDivElement>): void => {
    const at = cursor ?? { col: cols - 1, row: 0 };
    const moves: Record<string, Cell> = {
      ArrowLeft: { col: at.col - 1, row: at.row },
      ArrowRight: { col: at.col + 1, row: at.row },
      ArrowUp: { col: at.col, row: at.row - 1 },
      ArrowDown: { col: at.col, row: at.row + 1 },
      Home: { col: 0, row: at.row },
      End: { col: cols - 1, row: at.row },
    };
    const next = moves[event.key];
    const row = cursor === null ? undefined : layout.rows[cursor.row];
    if (next !== undefined) {
      event.preventDefault();
      moveCursor(cursor === null ? at : next);
    } else if (event.key === ' ' && row !== undefined && isFoldable(row)) {
      event.preventDefault();
      layout.toggle(row);
    } else if (event.key === 'Enter' && cursor !== null) {
      event.preventDefault();
      open(cursor);
    }
  };

  const tooltipCell = hover ?? cursor;
  // As tall as its rows (plus a scrollbar), up to the CSS cap: a DAG of 5 tasks leaves no empty box under its rows.
  const wrapHeight = `min(62vh, 640px, ${HEADER_H + rows * CELL + SCROLLBAR_ALLOWANCE}px)`;
  return (
    <>
      <div className="grid-wrap" style={{ height: wrapHeight }}>
        <div
          className="grid-scroll"
          id="dag-grid-scroll"
          ref={scrollRef}
          onScroll={schedule}
          onMouseMove={(e) => setHover(pointCell(e))}
          onMouseLeave={() => setHover(null)}
          onClick={onClick}
          onKeyDown={onKeyDown}
          tabIndex={0}
          role="application"
          aria-label={`Grid of ${dagId}: ${rows} rows by ${cols} runs. Arrow keys move, Enter opens the task instance; on a task group or mapped task, Enter or Space folds it.`}
          aria-describedby="grid-status"
          data-testid="dag-grid"
          data-rows={rows}
        >
          <div style={{ width: LABEL_W + cols * CELL, height: HEADER_H + rows * CELL }} />
        </div>
        <canvas ref={canvasRef} className="grid-canvas" aria-hidden="true" />
      </div>
      {/* Below the grid, never over its cells. */}
      <p id="grid-status" className="grid-status" aria-live="polite">
        {tooltipCell !== null
          ? describeCell(grid, layout, tooltipCell)
          : 'Hover or use the arrow keys to read a cell; click or Enter opens it, or folds a group.'}
      </p>
    </>
  );
}
