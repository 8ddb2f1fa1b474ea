import type { Environment } from '../../../src-shared/domain/environment';
import { useApiQuery } from '../../platform/api/use-api-query';
import { ErrorPanel } from '../../ui/feedback/ErrorPanel';
import { Loading } from '../../ui/feedback/Loading';
import { runHref } from '../../platform/routing/investigate-links';

/** One pattern: the tasks it hits and sample lines (Airflow text, rendered as text). */
export function PatternDetailPanel({ env, patternId }: { env: Environment; patternId: string }) {
  const detail = useApiQuery('patterns.get', { envId: env.id, patternId });
  if (detail.error !== null) return <ErrorPanel error={detail.error} title="This pattern could not be loaded" />;
  if (detail.data === undefined) return <Loading label="Loading the pattern…" />;
  const p = detail.data;
  return (
    <article className="anomaly-detail" aria-label="Error pattern">
      <header>
        <h2>{p.exception}</h2>
        <code className="pattern-template">{p.template}</code>
        <p className="muted">
          {p.count} failures · first seen {p.firstSeen.slice(0, 16).replace('T', ' ')} · last seen{' '}
          {p.lastSeen.slice(0, 16).replace('T', ' ')}
          {p.isNew ? ' · new: not seen in the early history' : ''}
        </p>
      </header>
      <h3>Affected tasks</h3>
      <table className="data-table compact">
        <thead>
          <tr>
            <th scope="col">DAG</th>
            <th scope="col">Task</th>
            <th scope="col" className="num">
              Failures
            </th>
            <th scope="col">Last</th>
          </tr>
        </thead>
        <tbody>
          {p.tasks.map((t) => (
            <tr key={`${t.dagId}.${t.taskId}`}>
              <td>{t.dagId}</td>
              <td>{t.taskId}</td>
              <td className="num">{t.count}</td>
              <td className="muted">{t.lastSeen.slice(0, 16).replace('T', ' ')}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h3>Sample lines</h3>
      <ul className="sample-lines">
        {p.samples.map((s, i) => (
          <li key={i}>
            <a href={runHref(env.id, s.dagId, s.runId)}>
              {s.dagId}.{s.taskId} try {s.tryNumber}
            </a>
            <pre>{s.line}</pre>
          </li>
        ))}
      </ul>
    </article>
  );
}
