import type { BriefChange, FailureBrief } from '../../../src-shared/domain/failure-brief';
import { runHref, taskHref } from '../../platform/routing/investigate-links';
import { StateBadge } from '../../ui/states/StateBadge';
import { formatAbsolute } from '../../platform/time/format-relative';

const labels: Readonly<Record<BriefChange['what'], string>> = {
  dag_version: 'DAG version',
  conf: 'Conf',
  hostname: 'Task host',
  pool: 'Task pool',
};

/** What differs from the previous successful run, then the failing task's upstream tasks in this run. */
export function BriefChanges({ brief }: { brief: FailureBrief }) {
  const { envId, dagId, runId, changes } = brief;
  const previous = changes.previousSuccess;
  return (
    <section className="brief-section" aria-label="What changed">
      <h2 className="section-title">What changed</h2>
      <p className="muted">
        {previous === null ? (
          'No earlier successful run of this DAG to compare with.'
        ) : (
          <>
            Since the last success,{' '}
            <a className="mono" href={runHref(envId, dagId, previous.runId)}>
              {previous.runId}
            </a>
            {previous.at !== null ? ` (${formatAbsolute(previous.at)})` : ''}:
          </>
        )}
      </p>
      <table className="data-table brief-changes">
        <thead>
          <tr>
            <th scope="col">What</th>
            <th scope="col">This run</th>
            <th scope="col">Last success</th>
          </tr>
        </thead>
        <tbody>
          {changes.items.map((c) => (
            <tr key={c.what} className={c.changed ? 'is-changed' : undefined}>
              <th scope="row">
                {labels[c.what]}
                {c.changed ? <span className="badge brief-changed">changed</span> : null}
              </th>
              <td>
                <ChangeValue value={c.now} />
              </td>
              <td>{previous === null ? '—' : <ChangeValue value={c.before} />}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h3 className="section-title">Upstream of the failing task</h3>
      {changes.upstream.length === 0 ? (
        <p className="muted">No upstream task: it is a root of the DAG.</p>
      ) : (
        <ul className="brief-list">
          {changes.upstream.map((t) => (
            <li key={`${t.taskId}#${t.mapIndex}`}>
              <a className="mono" href={taskHref(envId, dagId, runId, t.taskId, t.mapIndex)}>
                {t.taskId}
              </a>{' '}
              <StateBadge state={t.state} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function ChangeValue({ value }: { value: string | null }) {
  if (value === null) return <span className="muted">none</span>;
  return value.includes('\n') ? <pre className="code-block brief-value">{value}</pre> : <span className="mono">{value}</span>;
}
