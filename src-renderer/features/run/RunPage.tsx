import type { Environment } from '../../../src-shared/domain/environment';
import { ActionButtons } from '../actions/ActionButtons';
import { NoteButton } from '../actions/NoteButton';
import { ExplainLink } from '../brief/ExplainLink';
import { useApiQuery } from '../../platform/api/use-api-query';
import { ErrorPanel } from '../../ui/feedback/ErrorPanel';
import { Loading } from '../../ui/feedback/Loading';
import { PageHeader } from '../../ui/PageHeader';
import { compareHref, dagHref, failedRunsHref } from '../../platform/routing/investigate-links';
import type { Route } from '../../platform/routing/route';
import { StateBadge } from '../../ui/states/StateBadge';
import { formatDuration } from '../../platform/time/format-duration';
import { formatAbsolute } from '../../platform/time/format-relative';
import { GanttChart } from './GanttChart';
import { PinButton } from '../reports/PinButton';
import { RunLinksList } from './RunLinksList';
import { lineageHref } from '../lineage/lineage-route';

const when = (iso: string | null): string => (iso === null ? '—' : formatAbsolute(iso));

function Field({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="field">
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

/** One run for investigation: Gantt with queue time and critical path, conf, note, linked runs. */
export function RunPage({ env, params }: { env: Environment; params: Route['params'] }) {
  const dagId = params.dag ?? '';
  const runId = params.run ?? '';
  const detail = useApiQuery('runs.investigate', { envId: env.id, dagId, runId }, { enabled: dagId !== '' && runId !== '' });
  if (dagId === '' || runId === '') return <ErrorPanel error={new Error('This link names no run.')} title="No run" />;
  if (detail.error !== null) return <ErrorPanel error={detail.error} title="The run could not be loaded" />;
  if (detail.data === undefined) return <Loading label="Loading run…" />;
  const { run, tasks } = detail.data;
  const critical = tasks.filter((t) => t.critical);
  return (
    <div className="page run-page">
      <PageHeader title="Run" subtitle={`${env.name} · ${dagId}`}>
        <a className="button" href={dagHref(env.id, dagId)}>
          DAG grid
        </a>
        <a className="button" href={compareHref(env.id, dagId, undefined, runId)}>
          Compare with a good run
        </a>
        <a className="button" href={failedRunsHref(dagId)}>
          Failed runs
        </a>
        <PinButton envId={env.id} target={{ kind: 'run', envId: env.id, dagId, runId }} what={`Run ${runId} of ${dagId}`} />
        {run.state === 'failed' ? <ExplainLink envId={env.id} context={{ dagId, runId }} withBrief /> : null}
        <ActionButtons
          env={env}
          choices={[
            {
              label: 'Clear failed tasks',
              actions: [
                { kind: 'clear_task_instances', dagId, runId, taskIds: [...new Set(tasks.map((t) => t.taskId))], onlyFailed: true },
              ],
            },
            { label: 'Mark run success', actions: [{ kind: 'mark_run', dagId, runId, newState: 'success' }] },
            { label: 'Mark run failed', actions: [{ kind: 'mark_run', dagId, runId, newState: 'failed' }] },
          ]}
        />
        <NoteButton
          env={env}
          current={detail.data.note}
          what={`run ${runId} of ${dagId}`}
          action={(note) => ({ kind: 'set_run_note', dagId, runId, note })}
        />
        {detail.data.airflowUrl !== null ? (
          <a className="button" href={detail.data.airflowUrl} target="_blank" rel="noopener noreferrer">
            Open in Airflow
          </a>
        ) : null}
      </PageHeader>
      <h2 className="run-title mono">{runId}</h2>
      <dl className="run-fields">
        <Field label="State">
          <StateBadge state={run.state} />
        </Field>
        <Field label="Type">{run.runType.replace(/_/g, ' ')}</Field>
        <Field label="Logical date">{when(run.logicalDate)}</Field>
        <Field label="Triggered by">{detail.data.triggeredBy ?? '—'}</Field>
        <Field label="DAG version">{detail.data.dagVersion ?? '—'}</Field>
        <Field label="Queued">{when(run.queuedAt)}</Field>
        <Field label="Started">{when(run.startDate)}</Field>
        <Field label="Ended">{when(run.endDate)}</Field>
        <Field label="Duration">{formatDuration(run.durationS)}</Field>
      </dl>
      <section aria-label="Gantt">
        <h3 className="section-title">
          Task instances · {tasks.length}
          {critical.length > 0 ? (
            <span className="muted">
              {' '}
              · critical path:{' '}
              {critical
                .map((t) => t.taskId)
                .filter((id, i, all) => all.indexOf(id) === i)
                .join(' → ')}
            </span>
          ) : null}
        </h3>
        {tasks.length === 0 ? (
          <p className="table-empty">This run has no task instances.</p>
        ) : (
          <GanttChart envId={env.id} dagId={dagId} runId={runId} tasks={tasks} />
        )}
      </section>
      <div className="run-extras">
        <section aria-label="Conf">
          <h3 className="section-title">Conf</h3>
          {detail.data.conf === null ? <p className="muted">No conf.</p> : <pre className="code-block">{detail.data.conf}</pre>}
        </section>
        <section aria-label="Notes">
          <h3 className="section-title">Notes</h3>
          {detail.data.note !== null ? (
            <p className="run-note">
              <span className="muted">Airflow note: </span>
              {detail.data.note}
            </p>
          ) : (
            <p className="muted">No Airflow note.</p>
          )}
          {detail.data.triage !== null ? (
            <p className="run-note">
              <span className="muted">
                Triage{detail.data.triage.seenAt !== null ? ` (seen ${formatAbsolute(detail.data.triage.seenAt)})` : ''}:{' '}
              </span>
              {detail.data.triage.note ?? '—'}
            </p>
          ) : null}
        </section>
        <RunLinksList title="Upstream runs" links={detail.data.upstream} empty="No asset event or trigger led to this run." />
        <RunLinksList
          title="Downstream runs"
          links={detail.data.downstream}
          empty={
            detail.data.assetConsumers.length > 0
              ? 'No run was started by this run: it emitted no event for the assets below, or their consumers have not run since.'
              : 'This run fed no other run: its DAG produces no asset another DAG consumes, and it triggered none.'
          }
        >
          {detail.data.assetConsumers.length > 0 ? (
            <ul className="asset-consumers" aria-label="What this DAG feeds (lineage)">
              {detail.data.assetConsumers.map((a) => (
                <li key={a.uri}>
                  <a
                    className="mono truncate"
                    href={lineageHref({ kind: 'asset', dagId: null, uri: a.uri, depth: 2, expand: false })}
                    title={a.uri}
                  >
                    {a.uri}
                  </a>
                  <span className="muted"> feeds </span>
                  {a.dagIds.map((d, i) => (
                    <span key={d}>
                      {i > 0 ? ', ' : ''}
                      <a className="mono" href={dagHref(env.id, d)}>
                        {d}
                      </a>
                    </span>
                  ))}
                </li>
              ))}
            </ul>
          ) : null}
        </RunLinksList>
      </div>
    </div>
  );
}
