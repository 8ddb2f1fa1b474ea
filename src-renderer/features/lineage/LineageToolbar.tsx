import type { LineageParams, ScopeKind } from './lineage-route';
import type { RenderChoice } from './render-mode';

const scopeLabels: Record<ScopeKind, string> = {
  dag: "One DAG's tasks",
  neighbours: 'DAG and its neighbours',
  asset: 'Asset up/downstream',
  environment: 'Whole environment',
  environments: 'Several environments',
};

const renderLabels: Record<RenderChoice, string> = { auto: 'Auto', svg: 'SVG', canvas: 'Canvas' };

/** Scope, DAG or asset, depth, search and export. */
export function LineageToolbar({
  params,
  envs,
  currentEnv,
  dagIds,
  assets,
  search,
  onParams,
  onSearch,
  onExport,
}: {
  params: LineageParams;
  envs: readonly { id: string; name: string }[];
  currentEnv: string;
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
            <input
              type="number"
              min={1}
              max={10}
              value={params.depth}
              onChange={(e) => onParams({ ...params, depth: Number(e.target.value) || 1 })}
              aria-label="Depth"
            />
          </label>
        </>
      ) : null}
      {params.kind === 'environments' ? (
        <EnvironmentChecks params={params} envs={envs} currentEnv={currentEnv} onParams={onParams} />
      ) : null}
      {params.kind === 'environment' || params.kind === 'environments' ? (
        <label className="inline-check">
          <input type="checkbox" checked={params.expand} onChange={(e) => onParams({ ...params, expand: e.target.checked })} />
          Show tasks
        </label>
      ) : null}
      <label className="inline-field">
        <span>Drawing</span>
        <select
          value={params.render ?? 'auto'}
          onChange={(e) => onParams({ ...params, render: e.target.value as RenderChoice })}
          aria-label="Drawing"
        >
          {(Object.keys(renderLabels) as RenderChoice[]).map((r) => (
            <option key={r} value={r}>
              {renderLabels[r]}
            </option>
          ))}
        </select>
      </label>
      <input
        className="lineage-search"
        type="search"
        placeholder="Find a node…"
        aria-label="Find a node"
        value={search}
        onChange={(e) => onSearch(e.target.value)}
      />
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

/** Which environments the several-environments scope draws; at least one stays chosen. */
function EnvironmentChecks({
  params,
  envs,
  currentEnv,
  onParams,
}: {
  params: LineageParams;
  envs: readonly { id: string; name: string }[];
  currentEnv: string;
  onParams: (next: LineageParams) => void;
}) {
  const chosen = params.envIds !== undefined && params.envIds.length > 0 ? params.envIds : [currentEnv];
  const toggle = (id: string, on: boolean): void => {
    const next = on ? [...chosen, id] : chosen.filter((e) => e !== id);
    if (next.length > 0) onParams({ ...params, envIds: envs.map((e) => e.id).filter((e) => next.includes(e)) });
  };
  return (
    <fieldset className="lineage-envs" aria-label="Environments">
      {envs.map((e) => (
        <label key={e.id} className="inline-check">
          <input type="checkbox" checked={chosen.includes(e.id)} onChange={(ev) => toggle(e.id, ev.target.checked)} />
          {e.name}
        </label>
      ))}
    </fieldset>
  );
}
