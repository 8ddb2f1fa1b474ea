import { select, zoom, zoomIdentity, type ZoomTransform } from 'd3';
import { useEffect, useState, type RefObject } from 'react';

/** d3-zoom on an element, horizontal only: wheel zooms, drag pans; React reads the transform and redraws. */
export function useZoomX(ref: RefObject<SVGSVGElement | null>, width: number, resetKey: string): [ZoomTransform, () => void] {
  const [transform, setTransform] = useState<ZoomTransform>(zoomIdentity);
  const [behaviour] = useState(() =>
    zoom<SVGSVGElement, unknown>()
      .scaleExtent([1, 500])
      .on('zoom', (event: { transform: ZoomTransform }) => setTransform(event.transform)),
  );
  useEffect(() => {
    const element = ref.current;
    if (element === null) return undefined;
    behaviour
      .translateExtent([
        [0, 0],
        [width, 0],
      ])
      .extent([
        [0, 0],
        [width, 0],
      ]);
    const selection = select(element);
    selection.call(behaviour);
    return () => {
      selection.on('.zoom', null);
    };
  }, [ref, behaviour, width]);
  useEffect(() => {
    const element = ref.current;
    if (element !== null) select(element).call(behaviour.transform, zoomIdentity);
  }, [ref, behaviour, resetKey]);
  const reset = (): void => {
    const element = ref.current;
    if (element !== null) select(element).call(behaviour.transform, zoomIdentity);
  };
  return [transform, reset];
}
