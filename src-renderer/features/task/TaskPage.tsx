import type { Environment } from '../../../src-shared/domain/environment';
import { ActionButtons } from '../actions/ActionButtons';
import { NoteButton } from '../actions/NoteButton';
import { useApiQuery } from '../../platform/api/use-api-query';
import { ErrorPanel } from '../../ui/feedback/ErrorPanel';
import { Loading } from '../../ui/feedback/Loading';
import { PageHeader } from '../../ui/PageHeader';
import { dagHref, runHref, taskHref } from '../../platform/routing/investigate-links';
import type { Route } from '../../platform/routing/route';
import { StateBadge } from '../../ui/states/StateBadge';
import { formatDuration } from '../../platform/time/format-duration';
import { formatAbsolute } from '../../platform/time/format-relative';
import { LogViewer } from './LogViewer';
import { OwnEarlierFailures } from './OwnEarlierFailures';
import { SimilarFailuresPanel } from '../similar-failures/SimilarFailuresPanel';
import { LogExcerptPin } from '../reports/LogExcerptPin';
import { PinButton } from '../reports/PinButton';
import { firstTraceback, logLines } from './log-lines';

/** One task instance: every try, and the cached log of the chosen one. */
export function TaskPage({ env, params }: { env: Environment; params: Route['params'] }) {
  const dagId = params.dag ?? '';
  const runId = params.run ?? '';
  const taskId = params.task ?? '';
  const mapIndex = params.map !== undefined && /^\d+$/.test(params.map) ? Number(params.map) : -1;
  const ready = dagId !== '' && runId !== '' && taskId !== '';
  const detail = useApiQuery('tasks.investigate', { envId: env.id, dagId, runId, taskId, mapIndex }, { enabled: ready });
  const withLog = detail.data?.tries.filter((t) => t.hasLog) ?? [];
  const asked = params.try !== undefined && /^\d+$/.test(params.try) ? Number(params.try) : null;
  const tryNumber = asked ?? withLog[withLog.length - 1]?.tryNumber ?? null;
  const log = useApiQuery(
    'tasks.log',
    { envId: env.id, dagId, runId, taskId, mapIndex, tryNumber: tryNumber ?? 0 },
    { enabled: ready && tryNumber !== null && withLog.some((t) => t.tryNumber === tryNumber) },
  );
  if (!ready) return <ErrorPanel error={new Error('This link names no task instance.')} title="No task instance" />;
  if (detail.error !== null) return <ErrorPanel error={detail.error} title="The task instance could not be loaded" />;
  if (detail.data === undefined) return <Loading label="Loading task instance…" />;
  const label = mapIndex >= 0 ? `${taskId} [${mapIndex}]` : taskId;
  return (
    <div className="page task-page">
      <PageHeader title="Task instance" subtitle={`${env.name} · ${dagId}`}>
        <a className="button" href={runHref(env.id, dagId, runId)}>
          Run
        </a>
        <PinButton
          envId={env.id}
          target={{ kind: 'task_instance', envId: env.id, dagId, runId, taskId, mapIndex }}
          what={`${label} of run ${runId}`}
        />
        <a className="button" href={dagHref(env.id, dagId, { tab: 'durations', task: taskId })}>
          Duration history
        </a>
        <ActionButtons
          env={env}
          choices={[
            {
              label: 'Clear with downstream',
              actions: [{ kind: 'clear_task_instances', dagId, runId, taskIds: [taskId], onlyFailed: false, includeDownstream: true }],
            },
            { label: 'Mark success', actions: [{ kind: 'mark_task_instance', dagId, runId, taskId, newState: 'success' }] },
            { label: 'Mark failed', actions: [{ kind: 'mark_task_instance', dagId, runId, taskId, newState: 'failed' }] },
          ]}
        />
        <NoteButton
          env={env}
          current={detail.data.note}
          what={`${label} of run ${runId}`}
          action={(note) => ({ kind: 'set_task_instance_note', dagId, runId, taskId, mapIndex, note })}
        />
        {detail.data.airflowUrl !== null ? (
          <a className="button" href={detail.data.airflowUrl} target="_blank" rel="noopener noreferrer">
            Open in Airflow
          </a>
        ) : null}
      </PageHeader>
      <h2 className="run-title mono">{label}</h2>
      <p className="muted mono">
        {runId} · {detail.data.operator ?? 'operator unknown'}
      </p>
      {detail.data.note !== null && detail.data.note !== '' ? (
        <blockquote className="airflow-note" aria-label="Note in Airflow">
          {detail.data.note}
        </blockquote>
      ) : null}
      <h3 className="section-title">Tries · {detail.data.tries.length}</h3>
      <table className="data-table tries-table">
        <caption className="visually-hidden">Tries of {label}</caption>
        <thead>
          <tr>
            <th scope="col" className="num">
              Try
            </th>
            <th scope="col">State</th>
            <th scope="col">Started</th>
            <th scope="col" className="num">
              Duration
            </th>
            <th scope="col">Host</th>
            <th scope="col">Log</th>
          </tr>
        </thead>
        <tbody>
          {detail.data.tries.map((t) => (
            <tr key={t.tryNumber} className={t.tryNumber === tryNumber ? 'is-selected' : undefined}>
              <td className="num">{t.tryNumber}</td>
              <td>
                <StateBadge state={t.state} />
              </td>
              <td className="mono muted">{t.startDate !== null ? formatAbsolute(t.startDate) : '—'}</td>
              <td className="num">{formatDuration(t.durationS)}</td>
              <td className="muted">{t.hostname ?? '—'}</td>
              <td>
                {t.hasLog ? (
                  <a
                    href={taskHref(env.id, dagId, runId, taskId, mapIndex, t.tryNumber)}
                    aria-current={t.tryNumber === tryNumber ? 'true' : undefined}
                  >
                    log of try {t.tryNumber}
                  </a>
                ) : (
                  <span className="muted">not cached</span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {withLog.length === 0 ? (
        <p className="muted">No log is cached for this task instance (logs are kept for failed and retried tries).</p>
      ) : null}
      {log.error !== null ? <ErrorPanel error={log.error} title="The log could not be loaded" /> : null}
      {log.data !== undefined ? (
        <LogExcerptPin
          key={`pin-${log.data.tryNumber}`}
          instance={{ envId: env.id, dagId, runId, taskId, mapIndex }}
          log={log.data}
          firstErrorLine={Math.max(1, firstTraceback(logLines(log.data.content)) + 1)}
        />
      ) : null}
      {log.data !== undefined ? <LogViewer key={`${log.data.tryNumber}`} log={log.data} /> : null}
      {detail.data.tries.some((t) => t.state === 'failed' || t.state === 'up_for_retry') ? (
        <OwnEarlierFailures env={env} dagId={dagId} runId={runId} taskId={taskId} />
      ) : null}
      {log.data !== undefined ? (
        <SimilarFailuresPanel at={{ envId: env.id, dagId, runId, taskId, mapIndex, tryNumber: log.data.tryNumber }} />
      ) : null}
    </div>
  );
}
