import type { Environment } from '../../../src-shared/domain/environment';
import type { RunSummary } from '../../../src-shared/domain/history';
import { useApiQuery } from '../../platform/api/use-api-query';
import { ErrorPanel } from '../../ui/feedback/ErrorPanel';
import { Loading } from '../../ui/feedback/Loading';
import { PageHeader } from '../../ui/PageHeader';
import { compareHref, runHref } from '../../platform/routing/investigate-links';
import type { Route } from '../../platform/routing/route';
import { navigate } from '../../platform/routing/use-route';
import { StateBadge } from '../../ui/states/StateBadge';
import { formatDuration } from '../../platform/time/format-duration';
import { CompareTable } from './CompareTable';

/** The newest successful run that started before the bad one: the default "good" side. */
function previousSuccess(runs: readonly RunSummary[], bad: string): string | undefined {
  const badRun = runs.find((r) => r.runId === bad);
  const before = badRun?.startDate ?? null;
  return runs.find((r) => r.state === 'success' && r.runId !== bad && (before === null || (r.startDate ?? '') < before))?.runId;
}

/** A good and a bad run of one DAG side by side: changed task states first, then duration deltas, version and conf. */
export function ComparePage({ env, params }: { env: Environment; params: Route['params'] }) {
  const dagId = params.dag ?? '';
  const bad = params.bad ?? '';
  const recent = useApiQuery('runs.list', { envId: env.id, dagId, limit: 500 }, { enabled: dagId !== '' });
  const good = params.good ?? (recent.data !== undefined ? previousSuccess(recent.data, bad) : undefined);
  const comparison = useApiQuery(
    'runs.compare',
    { envId: env.id, dagId, goodRunId: good ?? '', badRunId: bad },
    { enabled: dagId !== '' && bad !== '' && good !== undefined },
  );
  if (dagId === '' || bad === '')
    return <ErrorPanel error={new Error('Open Compare from a run: it needs a DAG and a run.')} title="Nothing to compare" />;
  const choose = (side: 'good' | 'bad', runId: string): void =>
    navigate(side === 'good' ? compareHref(env.id, dagId, runId, bad) : compareHref(env.id, dagId, good, runId));
  const options = recent.data ?? [];
  const picker = (side: 'good' | 'bad', value: string | undefined) => (
    <label className="compare-pick">
      <span className="muted">{side === 'good' ? 'Good run' : 'Bad run'}</span>
      <select value={value ?? ''} onChange={(e) => choose(side, e.target.value)} aria-label={side === 'good' ? 'Good run' : 'Bad run'}>
        {value !== undefined && !options.some((r) => r.runId === value) ? <option value={value}>{value}</option> : null}
        {value === undefined ? <option value="">—</option> : null}
        {options.map((r) => (
          <option key={r.runId} value={r.runId}>{`${r.state === 'failed' ? '✗' : r.state === 'success' ? '✓' : '·'} ${r.runId}`}</option>
        ))}
      </select>
    </label>
  );
  return (
    <div className="page compare-page">
      <PageHeader title="Compare runs" subtitle={`${env.name} · ${dagId}`} />
      <div className="compare-pickers">
        {picker('good', good)}
        {picker('bad', bad)}
      </div>
      {recent.data !== undefined && good === undefined ? (
        <p className="muted">No earlier successful run of this DAG in the newest 500; pick one.</p>
      ) : null}
      {comparison.error !== null ? <ErrorPanel error={comparison.error} title="The runs could not be compared" /> : null}
      {comparison.data === undefined && comparison.error === null && good !== undefined ? <Loading label="Comparing…" /> : null}
      {comparison.data !== undefined ? (
        <>
          <dl className="compare-heads">
            {(['good', 'bad'] as const).map((side) => {
              const run = comparison.data[side];
              return (
                <div key={side} className={`compare-head compare-${side}`}>
                  <dt>{side === 'good' ? 'Good' : 'Bad'}</dt>
                  <dd>
                    <a className="mono" href={runHref(env.id, dagId, run.runId)}>
                      {run.runId}
                    </a>
                    <span>
                      <StateBadge state={run.state} /> · {formatDuration(run.durationS)} · version {run.version ?? '—'}
                    </span>
                  </dd>
                </div>
              );
            })}
          </dl>
          {comparison.data.good.version !== comparison.data.bad.version ? (
            <p className="compare-version" role="note">
              DAG version changed: {comparison.data.good.version ?? '—'} → {comparison.data.bad.version ?? '—'}
            </p>
          ) : null}
          <h3 className="section-title">Conf differences · {comparison.data.confDifferences.length}</h3>
          {comparison.data.confDifferences.length === 0 ? (
            <p className="muted">Same conf.</p>
          ) : (
            <table className="data-table conf-diff">
              <caption className="visually-hidden">Conf differences</caption>
              <thead>
                <tr>
                  <th scope="col">Key</th>
                  <th scope="col">Good</th>
                  <th scope="col">Bad</th>
                </tr>
              </thead>
              <tbody>
                {comparison.data.confDifferences.map((d) => (
                  <tr key={d.key}>
                    <td className="mono">{d.key}</td>
                    <td className="mono">{d.good ?? '—'}</td>
                    <td className="mono">{d.bad ?? '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <CompareTable comparison={comparison.data} />
        </>
      ) : null}
    </div>
  );
}
