import { useMemo } from 'react';
import { edgePath } from './edge-path';
import type { LineageLayout } from './layout-graph';
import { LineageNodeShape } from './LineageNodeShape';
import { edgeRole, nodeRole, type Traced } from './path-roles';

const noop = (): void => undefined;

/** The arrow marker and every edge and node of the layout as SVG elements (the interactive view and the export draw the same). */
export function LineageSvgScene({
  layout,
  traced,
  selected,
  onHover = noop,
  onSelect = noop,
  onToggle = noop,
}: {
  layout: LineageLayout;
  traced: Traced | null;
  selected: string | null;
  onHover?: (key: string | null) => void;
  onSelect?: (key: string) => void;
  onToggle?: (key: string) => void;
}) {
  const paths = useMemo(() => layout.edges.map((e) => edgePath(e.points)), [layout]);
  return (
    <>
      <g className="lineage-edges">
        {layout.edges.map((e, i) => {
          const role = edgeRole(traced, e.edge);
          const cls = `lineage-edge edge-${e.edge.kind}${role !== null ? ` is-${role}` : ''}`;
          return (
            <path
              key={`${e.edge.from}>${e.edge.to}`}
              className={cls}
              d={paths[i]}
              markerEnd="url(#lineage-arrow)"
              data-from={e.edge.from}
              data-to={e.edge.to}
              data-count={e.edge.count}
            />
          );
        })}
      </g>
      <g className="lineage-edge-counts">
        {layout.edges.map((e) => {
          const mid = e.points[Math.floor(e.points.length / 2)];
          return (e.edge.count ?? 1) > 1 && mid ? (
            <text key={`${e.edge.from}>${e.edge.to}`} className="lineage-edge-count" x={mid.x} y={mid.y - 6} textAnchor="middle">
              ×{e.edge.count}
            </text>
          ) : null;
        })}
      </g>
      <g className="lineage-nodes">
        {layout.nodes.map((p) => (
          <LineageNodeShape
            key={p.node.key}
            placed={p}
            role={nodeRole(traced, p.node.key)}
            selected={p.node.key === selected}
            onHover={onHover}
            onSelect={onSelect}
            onToggle={onToggle}
          />
        ))}
      </g>
    </>
  );
}

/** The marker every edge ends with. */
export function LineageArrowDefs() {
  return (
    <defs>
      <marker id="lineage-arrow" viewBox="0 0 8 8" refX="7" refY="4" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
        <path d="M0 0 L8 4 L0 8 z" className="lineage-arrow" />
      </marker>
    </defs>
  );
}
