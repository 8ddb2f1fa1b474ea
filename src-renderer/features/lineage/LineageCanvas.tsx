import { useRef, type RefObject } from 'react';
import { LineageArrowDefs, LineageSvgScene } from './LineageSvgScene';
import { StageControls } from './StageControls';
import type { StageProps } from './stage-props';
import { useStage } from './use-stage';

/** The lineage drawing in SVG: React renders every element; d3 computes paths and drives zoom and pan. */
export function LineageCanvas({
  layout,
  traced,
  selected,
  focusKey,
  onHover,
  onSelect,
  onToggle,
  svgRef,
}: StageProps & { svgRef: RefObject<SVGSVGElement | null> }) {
  const groupRef = useRef<SVGGElement>(null);
  const { zoomer, feed } = useStage(svgRef, layout, focusKey, (t) =>
    groupRef.current?.setAttribute('transform', `translate(${t.x},${t.y}) scale(${t.k})`),
  );
  return (
    <div className="lineage-canvas">
      <svg
        ref={svgRef}
        className={`lineage-svg${traced !== null ? ' is-tracing' : ''}`}
        role="img"
        aria-label="Lineage graph"
        xmlns="http://www.w3.org/2000/svg"
      >
        <LineageArrowDefs />
        <g ref={groupRef}>
          <LineageSvgScene layout={layout} traced={traced} selected={selected} onHover={onHover} onSelect={onSelect} onToggle={onToggle} />
        </g>
      </svg>
      <StageControls layout={layout} zoomer={zoomer} feed={feed} />
    </div>
  );
}
