import { select, zoom, zoomIdentity, type ZoomBehavior } from 'd3';
import { useCallback, useEffect, useRef, type RefObject } from 'react';

export interface ZoomControls {
  fit(): void;
  focus(x: number, y: number): void;
}

/** d3-zoom on an SVG: wheel and drag pan/zoom the inner group; `fit` and `focus` move the view. */
export function useZoom(svgRef: RefObject<SVGSVGElement | null>, groupRef: RefObject<SVGGElement | null>, size: { width: number; height: number }): ZoomControls {
  const behaviour = useRef<ZoomBehavior<SVGSVGElement, unknown> | null>(null);
  useEffect(() => {
    const svg = svgRef.current;
    if (svg === null) return;
    const z = zoom<SVGSVGElement, unknown>()
      .scaleExtent([0.03, 3])
      .on('zoom', (event: { transform: { toString(): string } }) => groupRef.current?.setAttribute('transform', event.transform.toString()));
    behaviour.current = z;
    select(svg).call(z).on('dblclick.zoom', null);
    return () => {
      select(svg).on('.zoom', null);
    };
  }, [svgRef, groupRef]);

  const fit = useCallback(() => {
    const svg = svgRef.current;
    if (svg === null || behaviour.current === null || size.width === 0) return;
    const { width, height } = svg.getBoundingClientRect();
    const k = Math.min(1.4, Math.max(0.03, Math.min(width / size.width, height / size.height) * 0.95));
    const t = zoomIdentity.translate((width - size.width * k) / 2, (height - size.height * k) / 2).scale(k);
    select(svg).call(behaviour.current.transform, t);
  }, [svgRef, size.width, size.height]);

  const focus = useCallback(
    (x: number, y: number) => {
      const svg = svgRef.current;
      if (svg === null || behaviour.current === null) return;
      const { width, height } = svg.getBoundingClientRect();
      const k = 1.1;
      select(svg).transition().duration(400).call(behaviour.current.transform, zoomIdentity.translate(width / 2 - x * k, height / 2 - y * k).scale(k));
    },
    [svgRef],
  );
  return { fit, focus };
}
