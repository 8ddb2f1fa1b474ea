import { useEffect, useRef } from 'react';
import type { LineageLayout } from './layout-graph';
import { LineageArrowDefs, LineageSvgScene } from './LineageSvgScene';

/**
 * Canvas mode has no SVG to save: this draws the layout once as SVG out of
 * sight, hands it to `onReady` (the export), and is unmounted again.
 */
export function SvgExport({ layout, onReady }: { layout: LineageLayout; onReady: (svg: SVGSVGElement) => void }) {
  const ref = useRef<SVGSVGElement>(null);
  const ready = useRef(onReady);
  ready.current = onReady;
  useEffect(() => {
    if (ref.current !== null) ready.current(ref.current);
  }, []);
  return (
    <div className="lineage-offscreen" aria-hidden="true">
      <svg ref={ref} className="lineage-svg" xmlns="http://www.w3.org/2000/svg" width={layout.width} height={layout.height}>
        <LineageArrowDefs />
        <g>
          <LineageSvgScene layout={layout} traced={null} selected={null} />
        </g>
      </svg>
    </div>
  );
}
