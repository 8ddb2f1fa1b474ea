import type { Environment } from '../../../src-shared/domain/environment';
import { ActionButtons } from '../actions/ActionButtons';
import { useApiQuery } from '../../platform/api/use-api-query';
import { useAppliedTheme } from '../../ui/charts/use-applied-theme';
import { DurationChart } from '../durations/DurationChart';
import { ErrorPanel } from '../../ui/feedback/ErrorPanel';
import { Loading } from '../../ui/feedback/Loading';
import { PageHeader } from '../../ui/PageHeader';
import { readWindow } from '../links/date-window';
import { DateRangeForm } from '../links/DateRangeForm';
import { dagHref, failedRunsHref } from '../../platform/routing/investigate-links';
import type { Route } from '../../platform/routing/route';
import { navigate } from '../../platform/routing/use-route';
import { useReferenceNow } from '../../platform/time/use-reference-now';
import { GridLegend } from './GridLegend';
import { GridView } from './GridView';

const DEFAULT_DAYS = 30;

/** One DAG over a date range: the runs x tasks grid, then the duration history of the DAG or one task. */
export function DagPage({ env, params }: { env: Environment; params: Route['params'] }) {
  const dagId = params.dag ?? '';
  const nowMs = useReferenceNow(env);
  const window = readWindow(params, nowMs, DEFAULT_DAYS);
  const theme = useAppliedTheme();
  const taskId = params.task !== undefined && params.task !== '' ? params.task : undefined;
  const grid = useApiQuery(
    'dags.grid',
    { envId: env.id, dagId, from: window.from, to: window.to, cells: false },
    { enabled: dagId !== '', placeholderPrevious: true },
  );
  const durations = useApiQuery(
    'dags.durations',
    { envId: env.id, dagId, taskId, from: window.from, to: window.to },
    { enabled: dagId !== '', placeholderPrevious: true },
  );
  if (dagId === '') return <ErrorPanel error={new Error('This link names no DAG.')} title="No DAG" />;
  const go = (change: { from?: string; to?: string; task?: string }): void =>
    navigate(
      dagHref(env.id, dagId, {
        from: change.from ?? params.from,
        to: change.to ?? params.to,
        task: 'task' in change ? change.task : taskId,
      }),
    );
  return (
    <div className="page dag-page">
      <PageHeader title={dagId} subtitle={env.name}>
        <a className="button" href={failedRunsHref(dagId)}>
          Failed runs
        </a>
        <ActionButtons
          env={env}
          choices={[
            { label: 'Pause', actions: [{ kind: 'pause_dag', dagId, paused: true }] },
            { label: 'Unpause', actions: [{ kind: 'pause_dag', dagId, paused: false }] },
            { label: 'Trigger run', actions: [{ kind: 'trigger_dag', dagId, conf: {} }] },
          ]}
        />
      </PageHeader>
      {grid.data?.schedule !== undefined ? (
        <p className="muted dag-schedule-note" data-schedule-checked={grid.data.schedule.checked}>
          Schedule <span className="mono">{grid.data.schedule.text ?? 'none'}</span> ({grid.data.schedule.timezone}):{' '}
          {grid.data.schedule.note}
        </p>
      ) : null}
      <DateRangeForm key={`${window.from}${window.to}`} window={window} onApply={(from, to) => go({ from, to })} presets={[1, 7, 30, 90]} />
      <section className="dag-grid-section" aria-label="Grid">
        <div className="section-head">
          <h2 className="section-title">Grid {grid.data !== undefined ? `· ${grid.data.runs.length} runs` : ''}</h2>
          <GridLegend />
        </div>
        {grid.error !== null ? <ErrorPanel error={grid.error} title="The grid could not be loaded" /> : null}
        {grid.data === undefined && grid.error === null ? <Loading label="Loading grid…" /> : null}
        {grid.data !== undefined && grid.data.runs.length === 0 ? (
          <p className="table-empty">No run of this DAG in the chosen range.</p>
        ) : null}
        {grid.data !== undefined && grid.data.runs.length > 0 ? <GridView geometry={grid.data} window={window} theme={theme} /> : null}
        {grid.data?.truncated === true ? (
          <p className="muted">Showing the newest {grid.data.runs.length} runs of the range; narrow it to see older ones.</p>
        ) : null}
      </section>
      <section className="dag-durations" aria-label="Duration history">
        <div className="section-head">
          <h2 className="section-title">Duration history</h2>
          <label className="inline-select">
            <span className="muted">of</span>
            <select
              value={taskId ?? ''}
              onChange={(e) => go({ task: e.target.value === '' ? undefined : e.target.value })}
              aria-label="Duration of"
            >
              <option value="">the whole DAG run</option>
              {(grid.data?.tasks ?? []).map((t) => (
                <option key={t.taskId} value={t.taskId}>
                  {t.taskId}
                </option>
              ))}
            </select>
          </label>
        </div>
        {durations.error !== null ? <ErrorPanel error={durations.error} title="Durations could not be loaded" /> : null}
        {durations.data !== undefined ? (
          durations.data.points.length === 0 ? (
            <p className="table-empty">No finished run in the chosen range.</p>
          ) : (
            <DurationChart history={durations.data} envId={env.id} from={window.from} to={window.to} currentRunId={params.run ?? null} />
          )
        ) : null}
      </section>
    </div>
  );
}
