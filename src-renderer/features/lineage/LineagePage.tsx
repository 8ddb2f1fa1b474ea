import { useMemo, useRef, useState } from 'react';
import type { Environment } from '../../../src-shared/domain/environment';
import { useApiQuery } from '../api/use-api-query';
import { ErrorPanel } from '../feedback/ErrorPanel';
import { Loading } from '../feedback/Loading';
import { PageHeader } from '../frame/PageHeader';
import type { Route } from '../routing/route';
import { navigate } from '../routing/use-route';
import { exportPng, exportSvg } from './export-view';
import { layoutGraph } from './layout-graph';
import { LineageCanvas } from './LineageCanvas';
import { lineageHref, readLineageParams, toScope } from './lineage-route';
import { LineageToolbar } from './LineageToolbar';
import { NodePanel } from './NodePanel';

/** How DAGs, tasks and assets feed one another, in a layered left-to-right view. */
export function LineagePage({ env, params }: { env: Environment; params: Route['params'] }) {
  const view = readLineageParams(params);
  const scope = toScope(view);
  const overview = useApiQuery('overview.get', { envId: env.id });
  const assets = useApiQuery('lineage.assets', { envId: env.id });
  const graph = useApiQuery('lineage.view', { envId: env.id, scope: scope ?? { kind: 'environment', expand: false } }, { enabled: scope !== null, placeholderPrevious: true });
  const layout = useMemo(() => (graph.data ? layoutGraph(graph.data.nodes, graph.data.edges) : null), [graph.data]);
  const [selected, setSelected] = useState<string | null>(null);
  const [focusKey, setFocusKey] = useState<string | null>(null);
  const [search, setSearch] = useState('');
  const svgRef = useRef<SVGSVGElement>(null);
  const scopeId = JSON.stringify(scope);
  const [shownScope, setShownScope] = useState(scopeId);
  if (shownScope !== scopeId) {
    // A new scope starts without a selection or focus from the last one.
    setShownScope(scopeId);
    setSelected(null);
    setFocusKey(null);
  }

  const matches = useMemo(() => {
    const text = search.trim().toLowerCase();
    if (text === '' || !graph.data) return [];
    return graph.data.nodes.filter((n) => n.name.toLowerCase().includes(text)).slice(0, 8);
  }, [graph.data, search]);

  const focusOn = (key: string): void => {
    setSelected(key);
    setFocusKey(key);
  };
  const exportAs = (format: 'svg' | 'png'): void => {
    if (svgRef.current === null || layout === null) return;
    const name = `lineage-${env.id}-${view.dagId ?? view.kind}`;
    if (format === 'svg') exportSvg(svgRef.current, layout.width, layout.height, name);
    else exportPng(svgRef.current, layout.width, layout.height, name);
  };

  return (
    <div className="page page-fill lineage-page">
      <PageHeader title="Lineage" subtitle={env.name} />
      <LineageToolbar
        params={view}
        dagIds={(overview.data?.dags ?? []).map((d) => d.dagId)}
        assets={assets.data ?? []}
        search={search}
        onParams={(next) => navigate(lineageHref(next))}
        onSearch={setSearch}
        onExport={exportAs}
      />
      {matches.length > 0 ? (
        <ul className="lineage-matches" aria-label="Matching nodes">
          {matches.map((n) => (
            <li key={n.key}>
              <button type="button" className="lineage-link" onClick={() => focusOn(n.key)}>
                {n.name} <span className="muted">{n.kind}</span>
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      <div className="lineage-body">
        {scope === null ? <p className="lineage-empty muted">Choose {view.kind === 'asset' ? 'an asset' : 'a DAG'} to draw its lineage.</p> : null}
        {graph.error !== null ? <ErrorPanel error={graph.error} title="The lineage could not be drawn" /> : null}
        {scope !== null && layout === null && graph.error === null ? <Loading label="Drawing lineage…" /> : null}
        {scope !== null && layout !== null ? (
          layout.nodes.length === 0 ? (
            <p className="lineage-empty muted">Nothing to draw in this scope.</p>
          ) : (
            <LineageCanvas layout={layout} selected={selected} focusKey={focusKey} onSelect={setSelected} svgRef={svgRef} />
          )
        ) : null}
        {selected !== null ? <NodePanel nodeKey={selected} onClose={() => setSelected(null)} onFocus={focusOn} /> : null}
      </div>
      <LineageLegend truncated={graph.data?.truncated ?? false} count={graph.data?.nodes.length ?? 0} edges={graph.data?.edges.length ?? 0} />
    </div>
  );
}

function LineageLegend({ truncated, count, edges }: { truncated: boolean; count: number; edges: number }) {
  return (
    <div className="lineage-legend" aria-label="Legend">
      <span className="legend-item"><span className="legend-swatch tone-ok" />success</span>
      <span className="legend-item"><span className="legend-swatch tone-bad" />failed</span>
      <span className="legend-item"><span className="legend-swatch tone-warn" />retry / upstream failed</span>
      <span className="legend-item"><span className="legend-line edge-produces" />produces / consumes</span>
      <span className="legend-item"><span className="legend-line edge-triggers" />triggers</span>
      <span className="muted">
        {count} nodes, {edges} edges{truncated ? ' (cut to the first 5,000)' : ''} · hover to trace, click for details, scroll to zoom
      </span>
    </div>
  );
}
