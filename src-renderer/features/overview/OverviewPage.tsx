import type { Environment } from '../../../src-shared/domain/environment';
import { useApiQuery } from '../../platform/api/use-api-query';
import { DagTable } from '../dags/table/DagTable';
import { ErrorPanel } from '../../ui/feedback/ErrorPanel';
import { Loading } from '../../ui/feedback/Loading';
import { PageHeader } from '../../ui/PageHeader';
import { useNow } from '../../platform/time/use-now';
import { OpenFindings } from '../findings/OpenFindings';
import { NewestFailures } from './NewestFailures';
import { OverviewHeader } from './OverviewHeader';

/** The environment at a glance: headline counts, what needs attention now (newest failures, open findings), then every DAG. */
export function OverviewPage({ env }: { env: Environment }) {
  const overview = useApiQuery('overview.get', { envId: env.id }, { placeholderPrevious: true });
  const wall = useNow();
  if (overview.error !== null) return <ErrorPanel error={overview.error} title="The overview could not be loaded" />;
  if (overview.data === undefined) return <Loading label="Loading overview…" />;
  const data = overview.data;
  const nowMs = env.synthetic ? Date.parse(data.asOf) : wall;
  return (
    <div className="page page-fill">
      <PageHeader title="Overview" subtitle={env.name} />
      <OverviewHeader overview={data} synthetic={env.synthetic} />
      <div className="attention-now">
        <NewestFailures env={env} nowMs={nowMs} />
        <OpenFindings env={env} nowMs={nowMs} />
      </div>
      <DagTable dags={data.dags} nowMs={nowMs} caption={`DAGs of ${env.name}`} />
    </div>
  );
}
