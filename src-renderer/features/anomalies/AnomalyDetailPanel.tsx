import type { Environment } from '../../../src-shared/domain/environment';
import { useApiQuery } from '../../platform/api/use-api-query';
import { ErrorPanel } from '../../ui/feedback/ErrorPanel';
import { Loading } from '../../ui/feedback/Loading';
import { ExplainLink } from '../brief/ExplainLink';
import { runHref } from '../../platform/routing/investigate-links';
import { ExplanationChart } from './ExplanationChart';
import { kindLabels } from './kind-labels';
import { PinButton } from '../reports/PinButton';

/** Anomalies about failures: without a model, their "Explain" opens the failure brief of their run. */
const FAILURE_KINDS: ReadonlySet<string> = new Set(['failure_burst', 'flaky_task', 'bad_deploy', 'new_error_pattern']);

/**
 * One anomaly explained: expected, observed, why, the chart, proposed causes and links to its runs. `briefRunId` (from
 * the list) is the run whose failure brief explains it: one in which its task failed.
 */
export function AnomalyDetailPanel({ env, anomalyId, briefRunId }: { env: Environment; anomalyId: string; briefRunId?: string | null }) {
  const detail = useApiQuery('anomalies.get', { envId: env.id, anomalyId });
  if (detail.error !== null) return <ErrorPanel error={detail.error} title="This anomaly could not be loaded" />;
  if (detail.data === undefined) return <Loading label="Loading the explanation…" />;
  const a = detail.data;
  return (
    <article className="anomaly-detail" aria-label="Explanation">
      <header>
        <span className={`sev sev-${a.severity}`}>{a.severity}</span> <span className="anomaly-kind">{kindLabels[a.kind]}</span>
        <h2>{a.title}</h2>
        <PinButton small envId={env.id} target={{ kind: 'anomaly', envId: env.id, anomalyId: a.anomalyId }} what={a.title} />
        <p className="muted">
          {a.dagId}
          {a.taskId ? ` · ${a.taskId}` : ''} · score {a.score.toFixed(1)}
        </p>
        <ExplainLink
          className="button button-small"
          envId={env.id}
          context={{ dagId: a.dagId, ...(a.runId ? { runId: a.runId } : {}), ...(a.taskId ? { taskId: a.taskId } : {}) }}
          briefRunId={
            briefRunId !== undefined ? briefRunId : FAILURE_KINDS.has(a.kind) ? (a.runId ?? a.runIds[a.runIds.length - 1] ?? null) : null
          }
          withBrief
        />
      </header>
      <dl className="explain-facts">
        <dt>Expected</dt>
        <dd>{a.expected}</dd>
        <dt>Observed</dt>
        <dd>{a.observed}</dd>
        <dt>Why it matters</dt>
        <dd>{a.why}</dd>
      </dl>
      <ExplanationChart series={a.series} unit={a.unit} />
      {a.series.length > 0 ? (
        <p className="chart-legend muted">
          <span className="legend-band" /> expected range <span className="legend-expected" /> baseline <span className="legend-observed" />{' '}
          observed <span className="legend-flagged" /> anomalous
        </p>
      ) : null}
      {a.causes.length > 0 ? (
        <section>
          <h3>Likely cause</h3>
          <ul className="cause-list">
            {a.causes.map((c, i) => (
              <li key={i}>
                <span className="cause-kind">{c.kind}</span> <code>{c.value}</code> <span className="muted">{c.detail}</span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {a.runIds.length > 0 ? (
        <section>
          <h3>Runs</h3>
          <ul className="run-links">
            {a.runIds.slice(0, 8).map((runId) => (
              <li key={runId}>
                <a href={runHref(env.id, a.dagId, runId)}>{runId}</a>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </article>
  );
}
