import { useCallback, useEffect, useMemo, useRef, type MouseEvent } from 'react';
import { drawLineage, type DrawMarks } from './draw-lineage';
import { buildHitIndex, nodeAt } from './hit-test';
import { readLineageColors } from './lineage-colors';
import type { ViewTransform } from './minimap-geometry';
import { StageControls } from './StageControls';
import type { StageProps } from './stage-props';
import { useStage } from './use-stage';

/**
 * The lineage drawing on a canvas, for graphs too large for SVG: d3-zoom's
 * transform is applied to the 2D context, frames are drawn on animation frames,
 * and a quadtree finds the node under the pointer for hover, click and double-click.
 */
export function LineageRaster({ layout, traced, selected, focusKey, onHover, onSelect, onToggle }: StageProps) {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const transform = useRef<ViewTransform>({ x: 0, y: 0, k: 1 });
  const marks = useRef<DrawMarks>({ traced, selected });
  const frame = useRef(0);
  const hovered = useRef<string | null>(null);
  const index = useMemo(() => buildHitIndex(layout.nodes), [layout]);

  const draw = useCallback(() => {
    frame.current = 0;
    const canvas = canvasRef.current;
    const ctx = canvas?.getContext('2d');
    if (!canvas || !ctx) return;
    const ratio = window.devicePixelRatio || 1;
    const width = canvas.clientWidth;
    const height = canvas.clientHeight;
    if (canvas.width !== Math.round(width * ratio) || canvas.height !== Math.round(height * ratio)) {
      canvas.width = Math.round(width * ratio);
      canvas.height = Math.round(height * ratio);
    }
    drawLineage(ctx, layout, transform.current, { width, height }, readLineageColors(canvas), marks.current, ratio);
  }, [layout]);
  const schedule = useCallback(() => {
    if (frame.current === 0) frame.current = requestAnimationFrame(draw);
  }, [draw]);

  const { zoomer, feed } = useStage(canvasRef, layout, focusKey, (t) => {
    transform.current = t;
    schedule();
  });

  useEffect(() => {
    marks.current = { traced, selected };
    schedule();
  }, [traced, selected, schedule]);
  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas) return;
    const observer = new ResizeObserver(schedule);
    observer.observe(canvas);
    const theme = new MutationObserver(schedule);
    theme.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme', 'class'] });
    return () => {
      observer.disconnect();
      theme.disconnect();
      cancelAnimationFrame(frame.current);
      frame.current = 0;
    };
  }, [schedule]);

  const keyAt = (event: MouseEvent<HTMLCanvasElement>): string | null => {
    const box = event.currentTarget.getBoundingClientRect();
    const t = transform.current;
    return nodeAt(index, (event.clientX - box.left - t.x) / t.k, (event.clientY - box.top - t.y) / t.k)?.node.key ?? null;
  };
  const hover = (key: string | null): void => {
    if (key === hovered.current) return;
    hovered.current = key;
    if (canvasRef.current) canvasRef.current.style.cursor = key === null ? '' : 'pointer';
    onHover(key);
  };

  return (
    <div className="lineage-canvas">
      <canvas
        ref={canvasRef}
        className="lineage-raster"
        role="img"
        aria-label={`Lineage graph of ${layout.nodes.length} nodes, drawn on a canvas; use Find a node to reach one`}
        onMouseMove={(e) => e.buttons === 0 && hover(keyAt(e))}
        onMouseLeave={() => hover(null)}
        onClick={(e) => {
          const key = keyAt(e);
          if (key !== null) onSelect(key);
        }}
        onDoubleClick={(e) => {
          const key = keyAt(e);
          if (key !== null) onToggle(key);
        }}
      />
      <StageControls layout={layout} zoomer={zoomer} feed={feed} />
    </div>
  );
}
