import type { Environment } from '../../../src-shared/domain/environment';
import type { DagFacets } from './dag-facets';

export interface DagFilterChange {
  scope?: string;
  facets?: Partial<DagFacets>;
  days?: number;
}

const WINDOWS = [7, 30, 90] as const;

function Choice({
  label,
  value,
  options,
  onChange,
}: {
  label: string;
  value: string;
  options: readonly { value: string; label: string }[];
  onChange: (value: string) => void;
}) {
  return (
    <label className="dag-filter">
      <span className="dag-filter-label">{label}</span>
      <select value={value} onChange={(event) => onChange(event.target.value)}>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </label>
  );
}

const anyOf = (label: string, values: readonly string[]) => [{ value: '', label }, ...values.map((v) => ({ value: v, label: v }))];

/** The DAGs list's selects: environment, tag, owner, last run state, paused, and the statistics' window. Tags and owners are shown as text. */
export function DagFilters({
  envs,
  scope,
  facets,
  days,
  tags,
  owners,
  onChange,
}: {
  envs: readonly Environment[];
  scope: string;
  facets: DagFacets;
  days: number;
  tags: readonly string[];
  owners: readonly string[];
  onChange: (change: DagFilterChange) => void;
}) {
  return (
    <div className="dag-filters" role="group" aria-label="DAG filters">
      <Choice
        label="Environment"
        value={scope}
        options={[...envs.map((e) => ({ value: e.id, label: e.name })), { value: 'all', label: 'All environments' }]}
        onChange={(value) => onChange({ scope: value })}
      />
      <Choice label="Tag" value={facets.tag} options={anyOf('Any tag', tags)} onChange={(tag) => onChange({ facets: { tag } })} />
      <Choice
        label="Owner"
        value={facets.owner}
        options={anyOf('Any owner', owners)}
        onChange={(owner) => onChange({ facets: { owner } })}
      />
      <Choice
        label="Last run"
        value={facets.state}
        options={[
          { value: '', label: 'Any state' },
          ...['failed', 'running', 'queued', 'success'].map((s) => ({ value: s, label: s })),
          { value: 'never', label: 'never ran' },
        ]}
        onChange={(state) => onChange({ facets: { state: state as DagFacets['state'] } })}
      />
      <Choice
        label="Paused"
        value={facets.paused}
        options={[
          { value: '', label: 'Paused or not' },
          { value: 'active', label: 'Active only' },
          { value: 'paused', label: 'Paused only' },
        ]}
        onChange={(paused) => onChange({ facets: { paused: paused as DagFacets['paused'] } })}
      />
      <Choice
        label="Window"
        value={String(days)}
        options={WINDOWS.map((d) => ({ value: String(d), label: `${d} days` }))}
        onChange={(value) => onChange({ days: Number(value) })}
      />
    </div>
  );
}
