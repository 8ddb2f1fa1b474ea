import type { AlertsResult } from '../../../src-shared/domain/monitoring';
import { RelativeTime } from '../../platform/time/RelativeTime';

/** Alerts firing now, most severe first. Every label and annotation is rendered as text. */
export function AlertsList({ result, nowMs }: { result: AlertsResult; nowMs: number }) {
  if (result.alerts.length === 0) {
    return (
      <p className="monitoring-quiet" role="status">
        No alerts firing.
      </p>
    );
  }
  return (
    <>
      <ul className="alert-list" aria-label="Alerts firing">
        {result.alerts.map((a, i) => (
          <li
            key={`${a.name}-${i}`}
            className={`alert-item alert-${a.severity === 'critical' ? 'critical' : a.severity === 'warning' ? 'warning' : 'other'}`}
          >
            <div className="alert-head">
              <span className="alert-severity">{a.severity ?? 'alert'}</span>
              <strong className="alert-name selectable">{a.name}</strong>
              {a.startsAt !== null ? (
                <span className="muted alert-since">
                  since <RelativeTime iso={a.startsAt} nowMs={nowMs} />
                </span>
              ) : null}
            </div>
            {a.summary !== null ? <p className="alert-summary selectable">{a.summary}</p> : null}
            {a.description !== null && a.description !== a.summary ? (
              <p className="alert-description muted selectable">{a.description}</p>
            ) : null}
            <p className="alert-labels mono muted selectable">
              {Object.entries(a.labels)
                .filter(([k]) => k !== 'alertname' && k !== 'severity')
                .map(([k, v]) => `${k}=${v}`)
                .join('  ')}
            </p>
          </li>
        ))}
      </ul>
      {result.total > result.alerts.length ? <p className="muted">{result.total - result.alerts.length} more not shown.</p> : null}
    </>
  );
}
