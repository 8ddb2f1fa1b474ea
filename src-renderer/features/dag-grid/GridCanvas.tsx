import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { DagGrid } from '../../../src-shared/domain/dag-history';
import { taskHref } from '../links/investigate-links';
import { navigate } from '../routing/use-route';
import { stateLooks } from '../states/state-look';
import { formatAbsolute } from '../time/format-relative';
import { drawGrid, runAt } from './draw-grid';
import { CELL, HEADER_H, LABEL_W, cellAt, type GridViewport } from './grid-geometry';
import { readGridColors } from './theme-colors';

type Cell = { col: number; row: number };

function describe(grid: DagGrid, cell: Cell): string {
  const run = runAt(grid, cell.col);
  const task = grid.tasks[cell.row];
  if (!run || !task) return '';
  const state = run.cells[cell.row];
  const tries = run.tries[cell.row] ?? 0;
  return `${task.taskId} · ${state === null || state === undefined ? 'no instance' : stateLooks[state].label}${tries > 1 ? ` · ${tries} tries` : ''} · run ${run.runId} (${stateLooks[run.state].label}${run.at !== null ? `, ${formatAbsolute(run.at)}` : ''})${run.versionChanged ? ` · new DAG version ${run.version ?? ''}` : ''}`;
}

/**
 * The runs x tasks grid on a canvas inside a scrolling spacer: only the
 * visible cells are drawn, on the next animation frame after a scroll.
 * Arrow keys move a cursor, Enter opens the task instance.
 */
export function GridCanvas({ grid, envId, dagId, theme }: { grid: DagGrid; envId: string; dagId: string; theme: string }) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const frame = useRef(0);
  const [hover, setHover] = useState<Cell | null>(null);
  const [cursor, setCursor] = useState<Cell | null>(null);
  const cols = grid.runs.length;
  const rows = grid.tasks.length;

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
    drawGrid(ctx, grid, view, readGridColors(canvas), { hover, cursor });
  }, [grid, hover, cursor, viewport]);

  const schedule = useCallback(() => {
    cancelAnimationFrame(frame.current);
    frame.current = requestAnimationFrame(draw);
  }, [draw]);

  // Start at the newest runs (the right edge).
  useLayoutEffect(() => {
    const el = scrollRef.current;
    if (el !== null) el.scrollLeft = el.scrollWidth;
  }, [grid]);

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

  const pointCell = (event: React.MouseEvent<HTMLDivElement>): Cell | null => {
    const view = viewport();
    const el = scrollRef.current;
    if (view === null || el === null) return null;
    const box = el.getBoundingClientRect();
    return cellAt(view, event.clientX - box.left, event.clientY - box.top, cols, rows);
  };

  const open = (cell: Cell): void => {
    const run = runAt(grid, cell.col);
    const task = grid.tasks[cell.row];
    if (run && task) navigate(taskHref(envId, dagId, run.runId, task.taskId, -1));
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
    if (next !== undefined) {
      event.preventDefault();
      moveCursor(cursor === null ? at : next);
    } else if (event.key === 'Enter' && cursor !== null) {
      event.preventDefault();
      open(cursor);
    }
  };

  const tooltipCell = hover ?? cursor;
  return (
    <div className="grid-wrap">
      <div
        className="grid-scroll"
        ref={scrollRef}
        onScroll={schedule}
        onMouseMove={(e) => setHover(pointCell(e))}
        onMouseLeave={() => setHover(null)}
        onClick={(e) => {
          const cell = pointCell(e);
          if (cell !== null) open(cell);
        }}
        onKeyDown={onKeyDown}
        tabIndex={0}
        role="application"
        aria-label={`Grid of ${dagId}: ${rows} tasks by ${cols} runs. Arrow keys move, Enter opens the task instance.`}
        aria-describedby="grid-status"
        data-testid="dag-grid"
      >
        <div style={{ width: LABEL_W + cols * CELL, height: HEADER_H + rows * CELL }} />
      </div>
      <canvas ref={canvasRef} className="grid-canvas" aria-hidden="true" />
      <p id="grid-status" className="grid-status" aria-live="polite">
        {tooltipCell !== null ? describe(grid, tooltipCell) : 'Hover or use the arrow keys to read a cell; click or Enter opens it.'}
      </p>
    </div>
  );
}
