import type { Environment } from '../../../src-shared/domain/environment';
import { useApiQuery } from '../../platform/api/use-api-query';
import { briefHref } from '../../platform/routing/brief-route';
import { dagHref } from '../../platform/routing/investigate-links';
import { formatRelative } from '../../platform/time/format-relative';

const SHOWN = 5;

/** What needs attention now: the newest failed runs of the week (the runs "Failed runs, 7 d" counts), each one click from its brief. */
export function NewestFailures({ env, nowMs, showEnv = false }: { env: Environment; nowMs: number; showEnv?: boolean }) {
  const list = useApiQuery('triage.list', { envId: env.id, days: 7, includeSeen: true, limit: SHOWN }, { placeholderPrevious: true });
  const items = list.data?.items ?? [];
  if (list.data !== undefined && items.length === 0) return null;
  return (
    <section className="newest-failures" aria-label={showEnv ? `Newest failures of ${env.name}` : 'Newest failures'}>
      <h2 className="section-title">{showEnv ? `${env.name} · ` : ''}Newest failures</h2>
      {list.error !== null ? <p className="muted">The newest failures could not be loaded.</p> : null}
      <ul>
        {items.map((f) => (
          <li key={`${f.dagId}|${f.runId}`}>
            <a className="newest-failure" href={briefHref(env.id, f.dagId, f.runId)} data-testid="newest-failure">
              <span className="newest-failure-dag mono">{f.dagId}</span>
              <span className="newest-failure-task mono">{f.failedTasks.length > 0 ? f.failedTasks.join(', ') : 'no failed task'}</span>
              <span className="muted">{f.failedAt !== null ? formatRelative(Date.parse(f.failedAt), nowMs) : ''}</span>
            </a>
            <a className="muted newest-failure-more" href={dagHref(env.id, f.dagId)} aria-label={`DAG grid of ${f.dagId}`}>
              grid
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}
