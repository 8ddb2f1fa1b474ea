import type { FailedTry } from '../../../src-shared/domain/similar-failures';
import { useApiQuery } from '../../platform/api/use-api-query';
import { ErrorPanel } from '../../ui/feedback/ErrorPanel';
import { taskHref } from '../../platform/routing/investigate-links';
import { similarityLabel } from './similarity-label';

/** Past failures most like one failed try, with the method that found them (Airflow text rendered as text). */
export function SimilarFailuresPanel({ at }: { at: FailedTry }) {
  const similar = useApiQuery('failures.similar', { ...at, limit: 8 });
  if (similar.error !== null) return <ErrorPanel error={similar.error} title="Similar failures could not be loaded" />;
  if (similar.data === undefined) return null;
  const d = similar.data;
  return (
    <section aria-label="Similar past failures" className="similar-failures">
      <h3 className="section-title">Similar past failures</h3>
      <p className="muted similarity-note" data-testid="similarity-method">
        Found by {similarityLabel(d.method, d.modelName)}
        {d.note !== null ? ` · ${d.note}` : ''}
      </p>
      {d.items.length === 0 ? <p className="muted">No similar failure in the cache.</p> : null}
      <ul className="sample-lines">
        {d.items.map((f) => (
          <li key={`${f.envId}|${f.dagId}|${f.runId}|${f.taskId}|${f.mapIndex}|${f.tryNumber}`}>
            <a href={taskHref(f.envId, f.dagId, f.runId, f.taskId, f.mapIndex, f.tryNumber)}>
              {f.envId !== at.envId ? `${f.envName} · ` : ''}
              {f.dagId}.{f.taskId} try {f.tryNumber}
            </a>{' '}
            <span className="muted">
              {f.at !== null ? f.at.slice(0, 16).replace('T', ' ') : ''}
              {d.method === 'embedding' ? ` · similarity ${f.score.toFixed(2)}` : ''}
            </span>
            <pre>{f.excerpt}</pre>
          </li>
        ))}
      </ul>
    </section>
  );
}
