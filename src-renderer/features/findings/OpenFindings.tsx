import type { Environment } from '../../../src-shared/domain/environment';
import { kindLabels } from '../anomalies/kind-labels';
import { markKey, useAnomalyMarks } from '../anomalies/use-anomaly-marks';
import { useApiQuery } from '../../platform/api/use-api-query';
import { formatRoute } from '../../platform/routing/route';
import { formatRelative } from '../../platform/time/format-relative';
import { findingHref } from './finding-href';

const DAY = 86_400_000;

/**
 * What the scoring found and nobody acknowledged or muted yet, still going on in the last `days` before `nowMs`:
 * most unusual first, each one click from its failure brief (or its explanation when no run failed).
 */
export function OpenFindings({
  env,
  nowMs,
  days = 7,
  shown = 6,
  showEnv = false,
}: {
  env: Environment;
  nowMs: number;
  days?: number;
  shown?: number;
  showEnv?: boolean;
}) {
  const since = new Date(Math.floor(nowMs / DAY) * DAY - days * DAY).toISOString();
  const list = useApiQuery('anomalies.list', { envId: env.id, since, limit: 100 }, { placeholderPrevious: true });
  const marks = useAnomalyMarks(env.id);
  const open = (list.data?.items ?? []).filter((a) => !marks.byKey.has(markKey(a.dagId, a.taskId)));
  if (list.data !== undefined && open.length === 0) return null;
  return (
    <section className="open-findings" aria-label={showEnv ? `Open findings of ${env.name}` : 'Open findings'}>
      <h2 className="section-title">
        {showEnv ? `${env.name} · ` : ''}Open findings, {days} d · {open.length}{' '}
        <a className="open-findings-all" href={formatRoute('anomalies', { env: env.id, days: '3650' })}>
          all findings
        </a>
      </h2>
      {list.error !== null ? <p className="muted">The findings could not be loaded.</p> : null}
      <ul>
        {open.slice(0, shown).map((a) => (
          <li key={a.anomalyId}>
            <a
              className="open-finding"
              href={findingHref(env.id, a)}
              data-testid="open-finding"
              data-kind={a.kind}
              data-anomaly={a.anomalyId}
              title={a.title}
            >
              <span className={`sev sev-${a.severity}`}>{a.severity}</span>
              <span className="open-finding-kind">{kindLabels[a.kind]}</span>
              <span className="open-finding-where mono">{a.taskId !== null ? `${a.dagId}.${a.taskId}` : a.dagId}</span>
              <span className="muted">
                {a.briefRunId !== null ? 'brief' : 'explanation'} · {formatRelative(Date.parse(a.endsAt), nowMs)}
              </span>
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}
