import type { LineageGraph } from '../../../src-shared/domain/lineage';
import type { LineageLayout } from './layout-graph';
import type { Traced } from './path-roles';
import type { RenderMode } from './render-mode';

/** Colours and line styles, sizes, and (announced to screen readers) what the hovered node's trace highlights. */
export function LineageLegend({
  graph,
  shown,
  traced,
  hoveredName,
  mode,
}: {
  graph: LineageGraph | null;
  shown: LineageLayout | null;
  traced: Traced | null;
  hoveredName: string | null;
  mode: RenderMode;
}) {
  const nodes = shown?.nodes.length ?? 0;
  const folded = (shown?.nodes ?? []).reduce((sum, p) => sum + (p.node.members ?? 0), 0);
  return (
    <div className="lineage-legend" aria-label="Legend">
      <span className="legend-item">
        <span className="legend-swatch tone-ok" />
        success
      </span>
      <span className="legend-item">
        <span className="legend-swatch tone-bad" />
        failed
      </span>
      <span className="legend-item">
        <span className="legend-swatch tone-warn" />
        retry / upstream failed
      </span>
      <span className="legend-item">
        <span className="legend-line edge-produces" />
        produces / consumes
      </span>
      <span className="legend-item">
        <span className="legend-line edge-triggers" />
        triggers
      </span>
      <span className="muted">
        {nodes} nodes, {shown?.edges.length ?? 0} edges{folded > 0 ? ` (${folded} tasks collapsed)` : ''}
        {graph?.truncated ? ' (cut to the first 5,000)' : ''} · {mode === 'canvas' ? 'canvas' : 'SVG'} · hover to trace, click for details,
        double-click to collapse or expand
      </span>
      <span className="lineage-trace-status" role="status" aria-live="polite" data-testid="lineage-trace-status">
        {traced !== null && hoveredName !== null
          ? `Tracing ${hoveredName}: ${traced.upstream.size} upstream, ${traced.downstream.size} downstream highlighted`
          : ''}
      </span>
    </div>
  );
}
