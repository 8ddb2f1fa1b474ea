import type { ReactNode } from 'react';
import { useApiQuery } from '../../platform/api/use-api-query';
import { ErrorPanel } from '../../ui/feedback/ErrorPanel';
import { Loading } from '../../ui/feedback/Loading';
import { runsHref } from '../../platform/routing/runs-route';
import { StateBadge } from '../../ui/states/StateBadge';
import { formatDuration } from '../../platform/time/format-duration';
import { lineageHref } from './lineage-route';
import { asState } from './node-tone';

const SHOWN_PROPS = [
  'schedule',
  'operator',
  'pool',
  'taskGroup',
  'failureRate',
  'riskScore',
  'downstreamDags',
  'tries30d',
  'failures30d',
  'flakyTries30d',
  'runs30d',
  'failedRuns30d',
  'meanDurationS',
  'lastRunAt',
  'lastEventAt',
  'uri',
  'isPaused',
];

/** The clicked node: properties, neighbours, recent runs, and links into the app. */
export function NodePanel({
  nodeKey,
  actions,
  onClose,
  onFocus,
}: {
  nodeKey: string;
  actions?: ReactNode;
  onClose: () => void;
  onFocus: (key: string) => void;
}) {
  const detail = useApiQuery('lineage.node', { key: nodeKey });
  const down = useApiQuery('impact.downstream', { key: nodeKey, depth: 8 });
  return (
    <aside className="lineage-panel" aria-label="Node details">
      <div className="lineage-panel-head">
        <h2>{detail.data?.name ?? 'Node'}</h2>
        <button type="button" className="button button-small" onClick={onClose} aria-label="Close details">
          ✕
        </button>
      </div>
      {actions}
      {detail.error !== null ? <ErrorPanel error={detail.error} /> : null}
      {detail.data === undefined ? (
        <Loading label="Loading…" />
      ) : (
        <>
          <p className="muted">
            {detail.data.label}
            {detail.data.envId !== null ? ` in ${detail.data.envId}` : ''}
            {detail.data.dagId !== null && detail.data.label === 'Task' ? ` · DAG ${detail.data.dagId}` : ''}
          </p>
          <div className="lineage-panel-links">
            {detail.data.dagId !== null ? (
              <a className="button button-small" href={runsHref({ dagId: detail.data.dagId, states: [], selected: null })}>
                Runs
              </a>
            ) : null}
            {detail.data.label === 'Dag' && detail.data.dagId !== null ? (
              <a
                className="button button-small"
                href={lineageHref({ kind: 'neighbours', dagId: detail.data.dagId, uri: null, depth: 2, expand: false })}
              >
                Open DAG lineage
              </a>
            ) : null}
            {detail.data.label === 'Asset' && typeof detail.data.props.uri === 'string' ? (
              <a
                className="button button-small"
                href={lineageHref({ kind: 'asset', dagId: null, uri: detail.data.props.uri, depth: 2, expand: false })}
              >
                Asset lineage
              </a>
            ) : null}
          </div>
          <dl className="lineage-props">
            {SHOWN_PROPS.filter((p) => detail.data.props[p] !== undefined).map((p) => (
              <div key={p}>
                <dt>{p}</dt>
                <dd className="mono selectable">{String(detail.data.props[p])}</dd>
              </div>
            ))}
          </dl>
          {down.data !== undefined ? (
            <p className="lineage-impact">
              <strong>{down.data.items.filter((i) => i.label === 'Dag').length}</strong> DAGs,{' '}
              <strong>{down.data.items.filter((i) => i.label === 'Task').length}</strong> tasks and{' '}
              <strong>{down.data.items.filter((i) => i.label === 'Asset').length}</strong> assets downstream
            </p>
          ) : null}
          {detail.data.recent.length > 0 ? (
            <>
              <h3>Recent {detail.data.label === 'Dag' ? 'runs' : 'task instances'}</h3>
              <ul className="lineage-recent">
                {detail.data.recent.map((r) => (
                  <li key={`${r.runId}/${r.taskId ?? ''}/${r.startDate ?? ''}`}>
                    <StateBadge state={asState(r.state)} compact />
                    <a
                      className="mono"
                      href={runsHref({
                        dagId: detail.data.dagId,
                        states: [],
                        selected: detail.data.dagId !== null ? { dagId: detail.data.dagId, runId: r.runId } : null,
                      })}
                    >
                      {r.runId}
                    </a>
                    <span className="muted">{r.durationS !== null ? formatDuration(r.durationS) : ''}</span>
                  </li>
                ))}
              </ul>
            </>
          ) : null}
          <h3>Linked</h3>
          <ul className="lineage-neighbours">
            {detail.data.neighbours.map((n) => (
              <li key={`${n.rel}/${n.direction}/${n.key}`}>
                <span className="lineage-rel mono">{n.direction === 'out' ? `${n.rel} →` : `← ${n.rel}`}</span>
                <button type="button" className="lineage-link" onClick={() => onFocus(n.key)}>
                  {n.label} {n.name}
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
    </aside>
  );
}
