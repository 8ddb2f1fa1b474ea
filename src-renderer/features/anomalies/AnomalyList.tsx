import type { AnomalySummary } from '../../../src-shared/domain/analytics';
import { EmptyState } from '../../ui/kit';
import { kindLabels } from './kind-labels';
import { markKey, type MarkKind } from './use-anomaly-marks';

/** Ranked anomalies; the selected one is explained beside the list. */
export function AnomalyList({
  items,
  selected,
  onSelect,
  marks,
}: {
  items: readonly AnomalySummary[];
  selected: string | null;
  onSelect: (id: string) => void;
  marks?: ReadonlyMap<string, MarkKind>;
}) {
  if (items.length === 0) return <EmptyState className="table-empty" title="No anomaly matches these filters." />;
  return (
    <ol className="anomaly-list" aria-label="Anomalies, latest first, then by severity">
      {items.map((a) => (
        <li key={a.anomalyId}>
          <button
            type="button"
            className={`anomaly-item${a.anomalyId === selected ? ' is-selected' : ''}`}
            aria-pressed={a.anomalyId === selected}
            onClick={() => onSelect(a.anomalyId)}
          >
            <span className={`sev sev-${a.severity}`}>{a.severity}</span>
            <span className="anomaly-kind">{kindLabels[a.kind]}</span>
            {marks?.get(markKey(a.dagId, a.taskId)) !== undefined ? (
              <span className="mark-badge">{marks.get(markKey(a.dagId, a.taskId))}</span>
            ) : null}
            <span className="anomaly-title">{a.title}</span>
            <span className="anomaly-where muted">
              {a.dagId}
              {a.taskId ? ` · ${a.taskId}` : ''} · {a.detectedAt.slice(0, 16).replace('T', ' ')}
            </span>
          </button>
        </li>
      ))}
    </ol>
  );
}
