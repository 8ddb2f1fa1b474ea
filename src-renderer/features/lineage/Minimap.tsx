import { useEffect, useRef, useSyncExternalStore, type PointerEvent } from 'react';
import type { LineageLayout } from './layout-graph';
import { readLineageColors } from './lineage-colors';
import { minimapScale, panToMinimapPoint, viewportRect, type ViewTransform } from './minimap-geometry';
import { nodeLook } from './node-tone';
import type { TransformFeed } from './transform-feed';

const BOX = { width: 200, height: 140 };

/** An overview of a large graph in the corner: every node as a dot, the viewport as a rectangle; drag or click to pan. */
export function Minimap({ layout, feed, onMove }: { layout: LineageLayout; feed: TransformFeed; onMove: (t: ViewTransform) => void }) {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const view = useSyncExternalStore(feed.subscribe, feed.current);
  const scale = minimapScale(layout, BOX);
  const box = { width: Math.max(1, layout.width * scale), height: Math.max(1, layout.height * scale) };

  useEffect(() => {
    const canvas = canvasRef.current;
    const ctx = canvas?.getContext('2d');
    if (!canvas || !ctx) return;
    const ratio = window.devicePixelRatio || 1;
    canvas.width = Math.ceil(box.width * ratio);
    canvas.height = Math.ceil(box.height * ratio);
    const colors = readLineageColors(canvas);
    ctx.setTransform(ratio * scale, 0, 0, ratio * scale, 0, 0);
    for (const p of layout.nodes) {
      const look = nodeLook(p.node);
      ctx.fillStyle = p.node.kind === 'asset' ? colors.accent : look ? colors.tone[look.tone] : colors.borderStrong;
      ctx.fillRect(p.x - p.width / 2, p.y - p.height / 2, p.width, p.height);
    }
  }, [layout, scale, box.width, box.height]);

  const rect = viewportRect(view.transform, view.viewport, scale, box);
  const pan = (event: PointerEvent<HTMLDivElement>): void => {
    const bounds = event.currentTarget.getBoundingClientRect();
    onMove(
      panToMinimapPoint(event.clientX - bounds.left, event.clientY - bounds.top, feed.current().transform, feed.current().viewport, scale),
    );
  };
  return (
    <div
      className="lineage-minimap"
      style={{ width: box.width, height: box.height }}
      role="img"
      aria-label="Minimap: drag to move the view"
      data-testid="lineage-minimap"
      onPointerDown={(e) => {
        e.currentTarget.setPointerCapture(e.pointerId);
        pan(e);
      }}
      onPointerMove={(e) => e.buttons === 1 && pan(e)}
    >
      <canvas ref={canvasRef} style={{ width: box.width, height: box.height }} />
      <div className="lineage-minimap-view" style={{ left: rect.x, top: rect.y, width: rect.width, height: rect.height }} />
    </div>
  );
}
