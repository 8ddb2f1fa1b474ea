import type { Environment } from '../../../src-shared/domain/environment';
import { useApiQuery } from '../../platform/api/use-api-query';
import { briefHref } from '../../platform/routing/brief-route';
import { taskHref } from '../../platform/routing/investigate-links';
import { StateBadge } from '../../ui/states/StateBadge';
import { formatAbsolute } from '../../platform/time/format-relative';

const SHOWN = 5;

/**
 * This task's own earlier failures with the same error pattern (from its failure brief), listed before similar
 * failures elsewhere, with a "this task failed before" link to the brief's history.
 */
export function OwnEarlierFailures({ env, dagId, runId, taskId }: { env: Environment; dagId: string; runId: string; taskId: string }) {
  const brief = useApiQuery('failures.brief', { envId: env.id, dagId, runId, taskId });
  const b = brief.data;
  if (b === undefined || b.failedTask?.taskId !== taskId || b.error?.pattern == null) return null;
  const earlier = b.before.sameTask;
  return (
    <section aria-label="This task failed before" className="similar-failures own-earlier-failures">
      <h3 className="section-title">
        {earlier.length === 0 ? (
          'First time: this task never failed with this error before'
        ) : (
          <a href={`${briefHref(env.id, dagId, runId, taskId)}`} data-testid="task-failed-before">
            This task failed before · {b.before.sameTaskRuns.toLocaleString('en-US')} {b.before.sameTaskRuns === 1 ? 'run' : 'runs'} with
            the same error
          </a>
        )}
      </h3>
      {earlier.length > 0 ? (
        <ul className="brief-list" data-testid="task-earlier-failures">
          {earlier.slice(0, SHOWN).map((o) => (
            <li key={o.runId}>
              <a className="mono" href={taskHref(env.id, dagId, o.runId, taskId, o.mapIndex, o.tryNumber)}>
                {o.runId}
              </a>{' '}
              <StateBadge state={o.runState} compact />
              <span className="muted">
                {' '}
                · try {o.tryNumber} · {o.at !== null ? formatAbsolute(o.at) : '—'}
              </span>
              {o.runState === 'failed' ? (
                <>
                  {' '}
                  · <a href={briefHref(env.id, dagId, o.runId, taskId)}>brief</a>
                </>
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
