import { select, zoom, zoomIdentity, zoomTransform, type ZoomBehavior } from 'd3';
import { useCallback, useEffect, useRef, type RefObject } from 'react';
import type { ViewTransform } from './minimap-geometry';

export interface ZoomControls {
  fit(): void;
  focus(x: number, y: number): void;
  /** Moves the view to a transform at once (the minimap drags with it). */
  moveTo(t: ViewTransform): void;
}

/** d3-zoom on an SVG or a canvas: wheel and drag pan/zoom; each change goes to `onTransform`; `fit` and `focus` move the view. */
export function useZoom(
  targetRef: RefObject<Element | null>,
  onTransform: (t: ViewTransform) => void,
  size: { width: number; height: number },
): ZoomControls {
  const behaviour = useRef<ZoomBehavior<Element, unknown> | null>(null);
  const listener = useRef(onTransform);
  listener.current = onTransform;
  useEffect(() => {
    const target = targetRef.current;
    if (target === null) return;
    const z = zoom<Element, unknown>()
      .scaleExtent([0.03, 3])
      .on('zoom', (event: { transform: ViewTransform }) => listener.current(event.transform));
    behaviour.current = z;
    select(target).call(z).on('dblclick.zoom', null);
    listener.current(zoomTransform(target));
    return () => {
      select(target).on('.zoom', null);
    };
  }, [targetRef]);

  const fit = useCallback(() => {
    const target = targetRef.current;
    if (target === null || behaviour.current === null || size.width === 0) return;
    const { width, height } = target.getBoundingClientRect();
    const k = Math.min(1.4, Math.max(0.03, Math.min(width / size.width, height / size.height) * 0.95));
    const t = zoomIdentity.translate((width - size.width * k) / 2, (height - size.height * k) / 2).scale(k);
    select(target).call(behaviour.current.transform, t);
  }, [targetRef, size.width, size.height]);

  const focus = useCallback(
    (x: number, y: number) => {
      const target = targetRef.current;
      if (target === null || behaviour.current === null) return;
      const { width, height } = target.getBoundingClientRect();
      const k = 1.1;
      select(target)
        .transition()
        .duration(400)
        .call(behaviour.current.transform, zoomIdentity.translate(width / 2 - x * k, height / 2 - y * k).scale(k));
    },
    [targetRef],
  );

  const moveTo = useCallback(
    (t: ViewTransform) => {
      const target = targetRef.current;
      if (target === null || behaviour.current === null) return;
      select(target).call(behaviour.current.transform, zoomIdentity.translate(t.x, t.y).scale(t.k));
    },
    [targetRef],
  );
  return { fit, focus, moveTo };
}
