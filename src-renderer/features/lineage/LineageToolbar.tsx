import type { LineageParams, ScopeKind } from './lineage-route';

const scopeLabels: Record<ScopeKind, string> = {
  dag: "One DAG's tasks",
  neighbours: 'DAG and its neighbours',
  asset: 'Asset up/downstream',
  environment: 'Whole environment',
};

/** Scope, DAG or asset, depth, search and export. */
export function LineageToolbar({ params, dagIds, assets, search, onParams, onSearch, onExport }: {
  params: LineageParams;
  dagIds: readonly string[];
  assets: readonly { uri: string; name: string }[];
  search: string;
  onParams: (next: LineageParams) => void;
  onSearch: (text: string) => void;
  onExport: (format: 'svg' | 'png') => void;
}) {
  return (
    <div className="lineage-toolbar" role="toolbar" aria-label="Lineage scope">
      <label className="inline-field">
        <span>Scope</span>
        <select value={params.kind} onChange={(e) => onParams({ ...params, kind: e.target.value as ScopeKind })} aria-label="Scope">
          {(Object.keys(scopeLabels) as ScopeKind[]).map((k) => (
            <option key={k} value={k}>
              {scopeLabels[k]}
            </option>
          ))}
        </select>
      </label>
      {params.kind === 'dag' || params.kind === 'neighbours' ? (
        <label className="inline-field">
          <span>DAG</span>
          <select value={params.dagId ?? ''} onChange={(e) => onParams({ ...params, dagId: e.target.value || null })} aria-label="DAG">
            <option value="">Choose a DAG…</option>
            {dagIds.map((d) => (
              <option key={d} value={d}>
                {d}
              </option>
            ))}
          </select>
        </label>
      ) : null}
      {params.kind === 'asset' ? (
        <>
          <label className="inline-field">
            <span>Asset</span>
            <select value={params.uri ?? ''} onChange={(e) => onParams({ ...params, uri: e.target.value || null })} aria-label="Asset">
              <option value="">Choose an asset…</option>
              {assets.map((a) => (
                <option key={a.uri} value={a.uri}>
                  {a.uri}
                </option>
              ))}
            </select>
          </label>
          <label className="inline-field">
            <span>Depth</span>
            <input type="number" min={1} max={10} value={params.depth} onChange={(e) => onParams({ ...params, depth: Number(e.target.value) || 1 })} aria-label="Depth" />
          </label>
        </>
      ) : null}
      {params.kind === 'environment' ? (
        <label className="inline-check">
          <input type="checkbox" checked={params.expand} onChange={(e) => onParams({ ...params, expand: e.target.checked })} />
          Show tasks
        </label>
      ) : null}
      <input className="lineage-search" type="search" placeholder="Find a node…" aria-label="Find a node" value={search} onChange={(e) => onSearch(e.target.value)} />
      <div className="lineage-export">
        <button type="button" className="button button-small" onClick={() => onExport('svg')}>
          Export SVG
        </button>
        <button type="button" className="button button-small" onClick={() => onExport('png')}>
          Export PNG
        </button>
      </div>
    </div>
  );
}
