import type { Environment } from '../../../src-shared/domain/environment';
import { useApiQuery } from '../api/use-api-query';
import { DagTable } from '../dag-table/DagTable';
import { ErrorPanel } from '../feedback/ErrorPanel';
import { Loading } from '../feedback/Loading';
import { PageHeader } from '../frame/PageHeader';
import { useNow } from '../time/use-now';

/** Every DAG, the same table as the Overview without the headline numbers; a DAG's id opens its runs. */
export function DagsPage({ env }: { env: Environment }) {
  const overview = useApiQuery('overview.get', { envId: env.id }, { placeholderPrevious: true });
  const wall = useNow();
  if (overview.error !== null) return <ErrorPanel error={overview.error} title="The DAGs could not be loaded" />;
  if (overview.data === undefined) return <Loading label="Loading DAGs…" />;
  const nowMs = env.synthetic ? Date.parse(overview.data.asOf) : wall;
  const paused = overview.data.dags.filter((dag) => dag.isPaused).length;
  return (
    <div className="page page-fill">
      <PageHeader title="DAGs" subtitle={`${env.name} · ${overview.data.dagCount} DAGs, ${paused} paused`}>
        <span className="muted">Select a DAG id to see its runs.</span>
      </PageHeader>
      <DagTable dags={overview.data.dags} nowMs={nowMs} caption={`DAGs of ${env.name}`} />
    </div>
  );
}
