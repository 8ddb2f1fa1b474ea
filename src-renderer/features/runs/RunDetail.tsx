import type { Environment } from '../../../src-shared/domain/environment';
import { useApiQuery } from '../../platform/api/use-api-query';
import { ErrorPanel } from '../../ui/feedback/ErrorPanel';
import { Loading } from '../../ui/feedback/Loading';
import { StateBadge } from '../../ui/states/StateBadge';
import { formatDuration } from '../../platform/time/format-duration';
import { formatAbsolute } from '../../platform/time/format-relative';
import { briefHref } from '../../platform/routing/brief-route';
import { runHref } from '../../platform/routing/investigate-links';
import { TaskInstanceTable } from './TaskInstanceTable';

function Field({ label, value }: { label: string; value: string }) {
  return (
    <div className="field">
      <dt>{label}</dt>
      <dd>{value}</dd>
    </div>
  );
}

const when = (iso: string | null): string => (iso === null ? '—' : formatAbsolute(iso));

/** One run and its task instances, beside the run list. */
export function RunDetail({ env, dagId, runId, closeHref }: { env: Environment; dagId: string; runId: string; closeHref: string }) {
  const detail = useApiQuery('runs.get', { envId: env.id, dagId, runId });
  return (
    <aside className="run-detail" aria-label="Run detail">
      <div className="run-detail-head">
        <div className="run-detail-title">
          <span className="muted mono">{dagId}</span>
          <h2 className="mono">{runId}</h2>
        </div>
        <a className="icon-button" href={closeHref} aria-label="Close run detail">
          <svg viewBox="0 0 16 16" width="12" height="12" aria-hidden="true">
            <path d="M4 4l8 8M12 4l-8 8" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" />
          </svg>
        </a>
      </div>
      {detail.error !== null ? <ErrorPanel error={detail.error} title="The run could not be loaded" /> : null}
      {detail.data === undefined && detail.error === null ? <Loading label="Loading run…" /> : null}
      {detail.data !== undefined ? (
        <>
          {detail.data.run.goneUpstream ? (
            <p className="notice" role="note">
              Airflow no longer has this run (deleted, or pruned by <code>airflow db clean</code>). The cache kept it as it was last synced;
              no count or finding includes it.
            </p>
          ) : null}
          <dl className="run-fields">
            <div className="field">
              <dt>State</dt>
              <dd>
                <StateBadge state={detail.data.run.state} />
              </dd>
            </div>
            <Field label="Type" value={detail.data.run.runType.replace(/_/g, ' ')} />
            <Field label="Logical date" value={when(detail.data.run.logicalDate)} />
            <Field label="Started" value={when(detail.data.run.startDate)} />
            <Field label="Ended" value={when(detail.data.run.endDate)} />
            <Field label="Duration" value={formatDuration(detail.data.run.durationS)} />
          </dl>
          <nav className="run-detail-links" aria-label="Open this run">
            <a className="button" href={runHref(env.id, dagId, runId)}>
              Open run (Gantt, conf, linked runs)
            </a>
            {detail.data.run.state === 'failed' ? (
              <a className="button button-primary" href={briefHref(env.id, dagId, runId)}>
                Failure brief
              </a>
            ) : null}
          </nav>
          <h3 className="section-title">Task instances · {detail.data.taskInstances.length}</h3>
          <div className="table-scroll">
            <TaskInstanceTable tasks={detail.data.taskInstances} envId={env.id} />
          </div>
        </>
      ) : null}
    </aside>
  );
}
