import { useEffect, useMemo, type RefObject } from 'react';
import type { LineageLayout } from './layout-graph';
import type { ViewTransform } from './minimap-geometry';
import { TransformFeed } from './transform-feed';
import { useZoom, type ZoomControls } from './use-zoom';

/** Zoom and pan on the drawing surface (SVG or canvas): fits each new layout, moves to the focused node, feeds the minimap. */
export function useStage(
  targetRef: RefObject<Element | null>,
  layout: LineageLayout,
  focusKey: string | null,
  onTransform: (t: ViewTransform) => void,
): { zoomer: ZoomControls; feed: TransformFeed } {
  const feed = useMemo(() => new TransformFeed(), []);
  const zoomer = useZoom(
    targetRef,
    (t) => {
      onTransform(t);
      const box = targetRef.current?.getBoundingClientRect();
      feed.set(t, { width: box?.width ?? 0, height: box?.height ?? 0 });
    },
    { width: layout.width, height: layout.height },
  );
  const { fit, focus } = zoomer;
  // Fit when other nodes are drawn, not when a refresh (a sync, a scoring run) only re-colours the same ones.
  const shape = useMemo(() => `${layout.width}x${layout.height}:${layout.nodes.map((n) => n.node.key).join('\n')}`, [layout]);
  useEffect(() => fit(), [fit, shape]);
  useEffect(() => {
    const target = layout.nodes.find((n) => n.node.key === focusKey);
    if (target) focus(target.x, target.y);
  }, [focus, focusKey, layout]);
  return { zoomer, feed };
}
