import { useMemo } from 'react';
import type { Environment } from '../../../src-shared/domain/environment';
import { useApiQuery } from '../../platform/api/use-api-query';
import { dagListColumns, defaultDagListSort } from './table/dag-columns';
import type { DagRow } from './table/dag-row';
import { DagTable } from './table/DagTable';
import { ErrorPanel } from '../../ui/feedback/ErrorPanel';
import { Loading } from '../../ui/feedback/Loading';
import { PageHeader } from '../../ui/PageHeader';
import { dagHref } from '../../platform/routing/investigate-links';
import { formatRoute, type Route } from '../../platform/routing/route';
import { navigate } from '../../platform/routing/use-route';
import { useReferenceNow } from '../../platform/time/use-reference-now';
import { facetChoices, filterByFacets, readFacets, type DagFacets } from './dag-facets';
import { DagFilters, type DagFilterChange } from './DagFilters';

const SPARK_RUNS = 20;
const DAY_CHOICES = [7, 30, 90];
const openDag = (dag: DagRow): string => dagHref(dag.envId, dag.dagId);

/**
 * Every DAG of the environment (or of all), filtered by tag, owner, last run state and paused, sortable by
 * failure rate, mean duration and last run, each with a sparkline of its newest runs. Filters are in the route.
 */
export function DagsPage({ env, envs, params }: { env: Environment; envs: readonly Environment[]; params: Route['params'] }) {
  const scope = params.scope === 'all' || envs.some((e) => e.id === params.scope) ? (params.scope ?? env.id) : env.id;
  const envId = scope === 'all' ? undefined : scope;
  const days = DAY_CHOICES.includes(Number(params.days)) ? Number(params.days) : 30;
  const facets = readFacets(params);
  const list = useApiQuery('dags.list', { envId, days, runs: SPARK_RUNS }, { placeholderPrevious: true });
  const nowMs = useReferenceNow(envs.find((e) => e.id === envId) ?? env);
  const dags = list.data?.dags;
  const choices = useMemo(() => facetChoices(dags ?? []), [dags]);
  const { tag, owner, state, paused: pausedFacet } = facets;
  const narrow = useMemo(
    () => (rows: readonly DagRow[]) => filterByFacets(rows, { tag, owner, state, paused: pausedFacet }),
    [tag, owner, state, pausedFacet],
  );
  const columns = useMemo(() => dagListColumns(days, SPARK_RUNS), [days]);

  const change = (next: DagFilterChange): void => {
    const f: DagFacets = { ...facets, ...next.facets };
    const nextScope = next.scope ?? scope;
    const nextDays = next.days ?? days;
    navigate(
      formatRoute('dags', {
        scope: nextScope === env.id ? undefined : nextScope,
        ...f,
        days: nextDays === 30 ? undefined : String(nextDays),
      }),
    );
  };

  if (list.error !== null) return <ErrorPanel error={list.error} title="The DAGs could not be loaded" />;
  if (dags === undefined) return <Loading label="Loading DAGs…" />;
  const paused = dags.filter((dag) => dag.isPaused).length;
  const where = envId === undefined ? 'all environments' : (envs.find((e) => e.id === envId)?.name ?? envId);
  return (
    <div className="page page-fill">
      <PageHeader title="DAGs" subtitle={`${where} · ${dags.length} DAGs, ${paused} paused`}>
        <span className="muted">Select a DAG id to open its grid.</span>
      </PageHeader>
      <DagFilters envs={envs} scope={scope} facets={facets} days={days} tags={choices.tags} owners={choices.owners} onChange={change} />
      <DagTable
        dags={dags}
        nowMs={nowMs}
        caption={`DAGs of ${where}`}
        columns={columns}
        initialSort={defaultDagListSort}
        narrow={narrow}
        dagHref={openDag}
        showEnv={envId === undefined}
        slots={SPARK_RUNS}
      />
    </div>
  );
}
