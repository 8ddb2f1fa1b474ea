import { useEffect, useMemo, useRef, useState, type RefObject } from 'react';
import { edgePath } from './edge-path';
import type { LineageLayout } from './layout-graph';
import { LineageNodeShape, type PathRole } from './LineageNodeShape';
import { buildAdjacency, edgeOnPath, tracePaths } from './trace-paths';
import { useZoom } from './use-zoom';

/** The lineage drawing: React renders every SVG element; d3 computes paths and drives zoom and pan. */
export function LineageCanvas({ layout, selected, focusKey, onSelect, svgRef }: {
  layout: LineageLayout;
  selected: string | null;
  focusKey: string | null;
  onSelect: (key: string) => void;
  svgRef: RefObject<SVGSVGElement | null>;
}) {
  const groupRef = useRef<SVGGElement>(null);
  const [hovered, setHovered] = useState<string | null>(null);
  const adjacency = useMemo(() => buildAdjacency(layout.edges.map((e) => e.edge)), [layout]);
  const traced = useMemo(() => (hovered === null ? null : tracePaths(adjacency, hovered)), [adjacency, hovered]);
  const paths = useMemo(() => layout.edges.map((e) => edgePath(e.points)), [layout]);
  const zoomer = useZoom(svgRef, groupRef, { width: layout.width, height: layout.height });
  const { fit, focus } = zoomer;

  useEffect(() => fit(), [fit, layout]);
  useEffect(() => {
    const target = layout.nodes.find((n) => n.node.key === focusKey);
    if (target) focus(target.x, target.y);
  }, [focus, focusKey, layout]);

  const roleOf = (key: string): PathRole => {
    if (hovered === null || traced === null) return null;
    if (key === hovered) return 'hovered';
    if (traced.downstream.has(key)) return 'downstream';
    if (traced.upstream.has(key)) return 'upstream';
    return 'dim';
  };

  return (
    <div className="lineage-canvas">
      <svg ref={svgRef} className={`lineage-svg${hovered !== null ? ' is-tracing' : ''}`} role="img" aria-label="Lineage graph" xmlns="http://www.w3.org/2000/svg">
        <defs>
          <marker id="lineage-arrow" viewBox="0 0 8 8" refX="7" refY="4" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
            <path d="M0 0 L8 4 L0 8 z" className="lineage-arrow" />
          </marker>
        </defs>
        <g ref={groupRef}>
          <g className="lineage-edges">
            {layout.edges.map((e, i) => {
              const on = hovered !== null && traced !== null ? edgeOnPath(e.edge, hovered, traced) : null;
              const cls = `lineage-edge edge-${e.edge.kind}${on ? ` is-${on}` : hovered !== null ? ' is-dim' : ''}`;
              return <path key={`${e.edge.from}>${e.edge.to}`} className={cls} d={paths[i]} markerEnd="url(#lineage-arrow)" data-from={e.edge.from} data-to={e.edge.to} />;
            })}
          </g>
          <g className="lineage-nodes">
            {layout.nodes.map((p) => (
              <LineageNodeShape key={p.node.key} placed={p} role={roleOf(p.node.key)} selected={p.node.key === selected} onHover={setHovered} onSelect={onSelect} />
            ))}
          </g>
        </g>
      </svg>
      <div className="lineage-zoom-buttons">
        <button type="button" className="button button-small" onClick={fit}>
          Fit
        </button>
      </div>
    </div>
  );
}
