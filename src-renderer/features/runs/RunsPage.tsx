import { useMemo } from 'react';
import type { Environment } from '../../../src-shared/domain/environment';
import { useBulkSelection } from '../actions/bulk/use-bulk-selection';
import { useApiQuery } from '../../platform/api/use-api-query';
import { ErrorPanel } from '../../ui/feedback/ErrorPanel';
import { Loading } from '../../ui/feedback/Loading';
import { PageHeader } from '../../ui/PageHeader';
import type { Route } from '../../platform/routing/route';
import { useReferenceNow } from '../../platform/time/use-reference-now';
import { RunDetail } from './RunDetail';
import { RunFilters } from './RunFilters';
import { RunBulkBar } from './RunBulkBar';
import { RunList, runKey } from './RunList';
import { hoursLabel, readRunsView, runsHref } from '../../platform/routing/runs-route';

const LIMIT = 500;

/** Runs of the environment, filtered by DAG and state, with the selected run's detail. */
export function RunsPage({ env, params }: { env: Environment; params: Route['params'] }) {
  const view = readRunsView(params);
  const nowMs = useReferenceNow(env);
  // The window ends at the environment's "now", to the minute, as the Overview's counts do.
  const since = view.hours === null ? undefined : new Date(Math.floor(nowMs / 60_000) * 60_000 - view.hours * 3_600_000).toISOString();
  const runs = useApiQuery(
    'runs.list',
    {
      envId: env.id,
      dagId: view.dagId ?? undefined,
      states: view.states.length > 0 ? view.states : undefined,
      since,
      gone: view.gone,
      limit: LIMIT,
    },
    { placeholderPrevious: true },
  );
  const count = runs.data?.length ?? 0;
  const inWindow = `${view.hours === null ? '' : ` in the ${hoursLabel(view.hours)}`}${view.gone ? ' that Airflow no longer has (kept here)' : ''}`;
  const order = useMemo(() => (runs.data ?? []).map(runKey), [runs.data]);
  const selection = useBulkSelection(order);
  return (
    <div className="page page-fill">
      <PageHeader
        title="Runs"
        subtitle={`${env.name}${runs.data !== undefined ? ` · ${count === LIMIT ? `newest ${LIMIT}` : count} runs${inWindow}` : ''}`}
      >
        <RunFilters view={view} />
      </PageHeader>
      <RunBulkBar env={env} runs={runs.data ?? []} selection={selection} />
      <div className={`runs-split${view.selected !== null ? ' has-detail' : ''}`}>
        <div className="table-scroll runs-list">
          {runs.error !== null ? <ErrorPanel error={runs.error} title="Runs could not be loaded" /> : null}
          {runs.data === undefined && runs.error === null ? <Loading label="Loading runs…" /> : null}
          {runs.data !== undefined ? <RunList runs={runs.data} view={view} nowMs={nowMs} selection={selection} /> : null}
        </div>
        {view.selected !== null ? (
          <RunDetail env={env} dagId={view.selected.dagId} runId={view.selected.runId} closeHref={runsHref({ ...view, selected: null })} />
        ) : null}
      </div>
    </div>
  );
}
