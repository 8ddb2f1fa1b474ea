import { useMemo, useRef, useState } from 'react';
import type { Environment } from '../../../src-shared/domain/environment';
import { useApiQuery } from '../../platform/api/use-api-query';
import { useEnvironments } from '../environments/use-environments';
import { ErrorPanel } from '../../ui/feedback/ErrorPanel';
import { Loading } from '../../ui/feedback/Loading';
import { PageHeader } from '../../ui/PageHeader';
import type { Route } from '../../platform/routing/route';
import { navigate } from '../../platform/routing/use-route';
import { collapseGraph } from './collapse-graph';
import { exportLayoutPng, exportPng, exportSvg } from './export-view';
import { FoldActions } from './FoldActions';
import { fold, unfold, canUnfold } from './fold-state';
import { GroupPanel } from './GroupPanel';
import { LineageCanvas } from './LineageCanvas';
import { LineageLegend } from './LineageLegend';
import { LineageRaster } from './LineageRaster';
import { lineageHref, readLineageParams, toScope } from './lineage-route';
import { LineageToolbar } from './LineageToolbar';
import { NodePanel } from './NodePanel';
import { renderModeFor } from './render-mode';
import { SvgExport } from './SvgExport';
import { buildAdjacency, tracePaths } from './trace-paths';
import { useFoldState } from './use-fold-state';
import { useLayout } from './use-layout';
import type { ViewNode } from './view-graph';

/** How DAGs, tasks and assets feed one another, in a layered left-to-right view (SVG, or canvas for large graphs). */
export function LineagePage({ env, params }: { env: Environment; params: Route['params'] }) {
  const view = readLineageParams(params);
  const scope = toScope(view, env.id);
  const scopeId = JSON.stringify([env.id, scope]);
  const [folds, setFolds] = useFoldState(scopeId);
  const { envs } = useEnvironments();
  const overview = useApiQuery('overview.get', { envId: env.id });
  const assets = useApiQuery('lineage.assets', { envId: env.id });
  const graph = useApiQuery(
    'lineage.view',
    { envId: env.id, scope: scope ?? { kind: 'environment', expand: false }, expandDags: [...folds.expandDags] },
    { enabled: scope !== null, placeholderPrevious: true },
  );
  const shown = useMemo(() => (graph.data ? collapseGraph(graph.data, new Set(folds.folded)) : null), [graph.data, folds.folded]);
  const { layout, pending } = useLayout(shown);
  const mode = layout === null ? 'svg' : renderModeFor(layout.nodes.length, layout.edges.length, view.render ?? 'auto');
  const [selected, setSelected] = useState<string | null>(null);
  const [focusKey, setFocusKey] = useState<string | null>(null);
  const [hovered, setHovered] = useState<string | null>(null);
  const [search, setSearch] = useState('');
  const [svgExport, setSvgExport] = useState<string | null>(null);
  const svgRef = useRef<SVGSVGElement>(null);
  const rootRef = useRef<HTMLDivElement>(null);
  const [shownScope, setShownScope] = useState(scopeId);
  if (shownScope !== scopeId) {
    // A new scope starts without a selection, focus or trace from the last one.
    setShownScope(scopeId);
    setSelected(null);
    setFocusKey(null);
    setHovered(null);
  }

  const byKey = useMemo(() => new Map((layout?.nodes ?? []).map((p) => [p.node.key, p.node])), [layout]);
  const adjacency = useMemo(() => buildAdjacency((layout?.edges ?? []).map((e) => e.edge)), [layout]);
  const traced = useMemo(
    () => (hovered !== null && byKey.has(hovered) ? { key: hovered, ...tracePaths(adjacency, hovered) } : null),
    [adjacency, byKey, hovered],
  );
  const selectedNode = selected !== null ? (byKey.get(selected) ?? null) : null;

  const matches = useMemo(() => {
    const text = search.trim().toLowerCase();
    if (text === '' || !shown) return [];
    return shown.nodes.filter((n) => n.name.toLowerCase().includes(text)).slice(0, 8);
  }, [shown, search]);

  const focusOn = (key: string): void => {
    setSelected(key);
    setFocusKey(key);
  };
  const foldInto = (key: string): void => {
    setFolds(fold(folds, key));
    setSelected(key);
    setHovered(null);
  };
  const unfoldNode = (node: ViewNode): void => {
    setFolds(unfold(folds, node));
    setSelected(null);
    setHovered(null);
  };
  const toggle = (key: string): void => {
    const node = byKey.get(key);
    if (node === undefined) return;
    if (canUnfold(node)) unfoldNode(node);
    else if (node.kind === 'task' && node.dagKey) foldInto(node.dagKey);
  };
  const fileName = `lineage-${env.id}-${view.dagId ?? view.kind}`;
  const exportAs = (format: 'svg' | 'png'): void => {
    if (layout === null) return;
    if (mode === 'canvas' && format === 'png') exportLayoutPng(layout, rootRef.current ?? document.documentElement, fileName);
    else if (mode === 'canvas') setSvgExport(fileName);
    else if (svgRef.current !== null) {
      if (format === 'svg') exportSvg(svgRef.current, layout.width, layout.height, fileName);
      else exportPng(svgRef.current, layout.width, layout.height, fileName);
    }
  };
  const actions = selectedNode !== null ? <FoldActions node={selectedNode} onFold={foldInto} onUnfold={unfoldNode} /> : null;
  const stage = { traced, selected, focusKey, onHover: setHovered, onSelect: setSelected, onToggle: toggle };

  return (
    <div
      ref={rootRef}
      className="page page-fill lineage-page"
      data-render-mode={mode}
      data-hovered={hovered ?? undefined}
      data-laying-out={pending ? 'true' : undefined}
    >
      <PageHeader
        title="Lineage"
        subtitle={view.kind === 'environments' && scope?.kind === 'environments' ? scope.envIds.join(' + ') : env.name}
      />
      <LineageToolbar
        params={view}
        envs={envs}
        currentEnv={env.id}
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
                {n.name}{' '}
                <span className="muted">{view.kind === 'environments' && n.envId !== null ? `${n.kind} · ${n.envId}` : n.kind}</span>
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      <div className="lineage-body">
        {scope === null ? (
          <p className="lineage-empty muted">Choose {view.kind === 'asset' ? 'an asset' : 'a DAG'} to draw its lineage.</p>
        ) : null}
        {graph.error !== null ? <ErrorPanel error={graph.error} title="The lineage could not be drawn" /> : null}
        {scope !== null && layout === null && graph.error === null ? (
          <Loading label={shown === null ? 'Drawing lineage…' : `Laying out ${shown.nodes.length} nodes…`} />
        ) : null}
        {scope !== null && layout !== null ? (
          layout.nodes.length === 0 ? (
            <p className="lineage-empty muted">Nothing to draw in this scope.</p>
          ) : mode === 'canvas' ? (
            <LineageRaster layout={layout} {...stage} />
          ) : (
            <LineageCanvas layout={layout} svgRef={svgRef} {...stage} />
          )
        ) : null}
        {layout !== null && pending ? (
          <p className="lineage-busy" role="status">
            Laying out…
          </p>
        ) : null}
        {selectedNode?.kind === 'group' ? (
          <GroupPanel node={selectedNode} actions={actions} onClose={() => setSelected(null)} />
        ) : selected !== null ? (
          <NodePanel nodeKey={selected} actions={actions} onClose={() => setSelected(null)} onFocus={focusOn} />
        ) : null}
      </div>
      {svgExport !== null && layout !== null ? (
        <SvgExport
          layout={layout}
          onReady={(svg) => {
            exportSvg(svg, layout.width, layout.height, svgExport);
            setSvgExport(null);
          }}
        />
      ) : null}
      <LineageLegend
        graph={graph.data ?? null}
        shown={layout}
        traced={traced}
        hoveredName={hovered !== null ? (byKey.get(hovered)?.name ?? null) : null}
        mode={mode}
      />
    </div>
  );
}
