import type { FailureBrief } from '../../../src-shared/domain/failure-brief';
import { taskHref } from '../../platform/routing/investigate-links';
import { StateBadge } from '../../ui/states/StateBadge';
import { formatAbsolute } from '../../platform/time/format-relative';
import { patternHref } from '../../platform/routing/brief-route';

/** The failing task, its tries and the log excerpt with the error line marked: first on the page, no scrolling needed. */
export function BriefError({ brief }: { brief: FailureBrief }) {
  const { envId, dagId, runId, failedTask: task, error } = brief;
  if (task === null) {
    return (
      <section className="brief-section brief-error" aria-label="Error">
        <h2 className="section-title">Error</h2>
        <p className="muted">No task instance of this run failed: the run failed without one (timeout, or marked failed).</p>
      </section>
    );
  }
  const pattern = error?.pattern ?? null;
  return (
    <section className="brief-section brief-error" aria-label="Error">
      <h2 className="section-title">
        Error in{' '}
        <a className="mono" data-testid="brief-task" href={taskHref(envId, dagId, runId, task.taskId, task.mapIndex)}>
          {task.taskId}
        </a>
        {task.mapIndex >= 0 ? <span className="muted"> [{task.mapIndex}]</span> : null} <StateBadge state={task.state} />
        {task.operator !== null ? <span className="muted"> · {task.operator}</span> : null}
      </h2>
      <p className="brief-tries muted">
        {task.tries.length === 1 ? '1 try' : `${task.tries.length} tries`}:{' '}
        {task.tries.map((t, i) => (
          <span key={t.tryNumber}>
            {i > 0 ? ', ' : ''}
            <a href={taskHref(envId, dagId, runId, task.taskId, task.mapIndex, t.tryNumber)}>try {t.tryNumber}</a>{' '}
            {t.state.replace(/_/g, ' ')}
            {t.hostname !== null ? ` on ${t.hostname}` : ''}
          </span>
        ))}
        {brief.otherFailed.length > 0 ? ` · also failed: ${brief.otherFailed.map((o) => o.taskId).join(', ')}` : ''}
      </p>
      {pattern !== null ? (
        <p className="brief-pattern" data-testid="brief-pattern">
          <span className="muted">Pattern </span>
          <a href={patternHref(envId, pattern.patternId)}>
            <code>{pattern.template}</code>
          </a>
          <span className="muted">
            {' '}
            · {pattern.count.toLocaleString('en-US')} failed tries · first seen {formatAbsolute(pattern.firstSeen)}
            {pattern.isNew ? ' · new' : ''}
          </span>
        </p>
      ) : (
        <p className="muted">No error pattern is known for this try yet: its log is not cached, or the environment is not scored yet.</p>
      )}
      {error === null ? (
        <p className="muted">No log is cached for the failed try.</p>
      ) : (
        <figure className="brief-excerpt">
          <figcaption className="muted">
            Try {error.tryNumber}, lines {error.firstLineNo}–{error.firstLineNo + error.lines.length - 1}
            {error.truncated ? ' of the end of a longer log' : ''} ·{' '}
            <a href={taskHref(envId, dagId, runId, task.taskId, task.mapIndex, error.tryNumber)}>whole log</a>
          </figcaption>
          <ol className="log-body" aria-label="Log excerpt">
            {error.lines.map((text, i) => (
              <li
                key={i}
                className={`log-line${i === error.errorIndex ? ' is-error brief-error-line' : ''}`}
                data-error-line={i === error.errorIndex ? 'true' : undefined}
              >
                <span className="log-no" aria-hidden="true">
                  {error.firstLineNo + i}
                </span>
                <span className="log-sign" aria-hidden="true">
                  {i === error.errorIndex ? '!' : ''}
                </span>
                <span className="log-text">{text}</span>
              </li>
            ))}
          </ol>
        </figure>
      )}
    </section>
  );
}
