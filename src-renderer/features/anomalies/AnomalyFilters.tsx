import type { AnomalyKind, Severity } from '../../../src-shared/domain/analytics';
import { kindLabels, severities } from './kind-labels';

export interface AnomalyFilterState {
  kind: AnomalyKind | '';
  severity: Severity | '';
  dag: string;
  days: number;
}

/** Kind, severity, DAG and time window of the anomaly list. */
export function AnomalyFilters({ value, onChange }: { value: AnomalyFilterState; onChange: (next: AnomalyFilterState) => void }) {
  return (
    <div className="anomaly-filters" role="group" aria-label="Filter anomalies">
      <label>
        Kind
        <select value={value.kind} onChange={(e) => onChange({ ...value, kind: e.target.value as AnomalyKind | '' })}>
          <option value="">All kinds</option>
          {(Object.keys(kindLabels) as AnomalyKind[]).map((k) => (
            <option key={k} value={k}>
              {kindLabels[k]}
            </option>
          ))}
        </select>
      </label>
      <label>
        Severity
        <select value={value.severity} onChange={(e) => onChange({ ...value, severity: e.target.value as Severity | '' })}>
          <option value="">Any</option>
          {severities.map((s) => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
        </select>
      </label>
      <label>
        DAG
        <input
          type="search"
          value={value.dag}
          placeholder="exact DAG id"
          spellCheck={false}
          onChange={(e) => onChange({ ...value, dag: e.target.value })}
        />
      </label>
      <label>
        Window
        <select value={value.days} onChange={(e) => onChange({ ...value, days: Number(e.target.value) })}>
          <option value={7}>7 days</option>
          <option value={30}>30 days</option>
          <option value={90}>90 days</option>
          <option value={3650}>All</option>
        </select>
      </label>
    </div>
  );
}
