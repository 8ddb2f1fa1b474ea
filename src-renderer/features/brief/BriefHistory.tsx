import type { FailureBrief } from '../../../src-shared/domain/failure-brief';
import { runHref, taskHref } from '../../platform/routing/investigate-links';
import { similarityLabel } from '../similar-failures/similarity-label';
import { StateBadge } from '../../ui/states/StateBadge';
import { formatAbsolute } from '../../platform/time/format-relative';
import { briefHref } from '../../platform/routing/brief-route';

/** Whether it happened before: this task's earlier failures with the same pattern, then similar failures elsewhere. */
export function BriefHistory({ brief }: { brief: FailureBrief }) {
  const { envId, dagId, before, failedTask, error } = brief;
  const taskId = failedTask?.taskId ?? '';
  const elsewhere = before.elsewhere;
  return (
    <section className="brief-section" aria-label="Happened before">
      <h2 className="section-title">Happened before</h2>
      <h3 className="section-title">
        This task, same pattern · <span data-testid="brief-earlier-count">{before.sameTaskRuns.toLocaleString('en-US')}</span> earlier{' '}
        {before.sameTaskRuns === 1 ? 'run' : 'runs'}
        {before.sameTaskRuns > before.sameTask.length ? <span className="muted"> · newest {before.sameTask.length} shown</span> : null}
      </h3>
      {error?.pattern == null ? (
        <p className="muted">Without an error pattern, earlier failures cannot be matched.</p>
      ) : before.sameTask.length === 0 ? (
        <p className="muted">First time: this task never failed with this pattern before.</p>
      ) : (
        <ul className="brief-list" data-testid="brief-earlier">
          {before.sameTask.map((o) => (
            <li key={o.runId}>
              <a className="mono" href={runHref(envId, dagId, o.runId)}>
                {o.runId}
              </a>{' '}
              <StateBadge state={o.runState} compact />
              <span className="muted"> · {o.at !== null ? formatAbsolute(o.at) : '—'} · </span>
              <a href={taskHref(envId, dagId, o.runId, taskId, o.mapIndex, o.tryNumber)}>try {o.tryNumber} log</a>
              {o.runState === 'failed' ? (
                <>
                  {' '}
                  · <a href={briefHref(envId, dagId, o.runId)}>brief</a>
                </>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      <h3 className="section-title">Similar failures elsewhere · {elsewhere?.items.length ?? 0}</h3>
      {elsewhere === null ? (
        <p className="muted">No failed try with a cached log to compare.</p>
      ) : (
        <>
          <p className="muted similarity-note">
            Found by {similarityLabel(elsewhere.method, elsewhere.modelName)}
            {elsewhere.note !== null ? ` · ${elsewhere.note}` : ''}
          </p>
          {elsewhere.items.length === 0 ? <p className="muted">No similar failure of another task in the cache.</p> : null}
          <ul className="brief-list">
            {elsewhere.items.map((f) => (
              <li key={`${f.envId}|${f.dagId}|${f.runId}|${f.taskId}|${f.mapIndex}|${f.tryNumber}`}>
                <a className="mono" href={taskHref(f.envId, f.dagId, f.runId, f.taskId, f.mapIndex, f.tryNumber)}>
                  {f.envId !== envId ? `${f.envName} · ` : ''}
                  {f.dagId}.{f.taskId}
                </a>
                <span className="muted">
                  {' '}
                  · {f.at !== null ? formatAbsolute(f.at) : '—'}
                  {elsewhere.method === 'embedding' ? ` · similarity ${f.score.toFixed(2)}` : ''}
                </span>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
