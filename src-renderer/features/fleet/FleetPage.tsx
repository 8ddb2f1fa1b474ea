import type { CurrentEnv } from '../environments/use-current-env';
import { useApiQuery } from '../../platform/api/use-api-query';
import { ErrorPanel } from '../../ui/feedback/ErrorPanel';
import { Loading } from '../../ui/feedback/Loading';
import { PageHeader } from '../../ui/PageHeader';
import { formatRoute, type Route } from '../../platform/routing/route';
import { TriageQueue, triageWindows } from '../triage/TriageQueue';
import { navigate } from '../../platform/routing/use-route';
import { useNow } from '../../platform/time/use-now';
import { FleetAttention } from './FleetAttention';
import { FleetEnvSection } from './FleetEnvSection';
import { isFleetList } from './fleet-lists';

/** Every environment (or one) at a glance, led by what needs attention now, with the triage queue beside it. */
export function FleetPage({ current, params }: { current: CurrentEnv; params: Route['params'] }) {
  const scope = params.scope ?? 'all';
  const envId = scope === 'all' ? undefined : scope;
  const fleet = useApiQuery('fleet.overview', { envId }, { placeholderPrevious: true });
  const wall = useNow();
  const open = isFleetList(params.list) ? params.list : null;
  const days = triageWindows.find((d) => String(d) === params.days) ?? 14;
  const scopes = [{ id: 'all', label: 'All environments' }, ...current.envs.map((e) => ({ id: e.id, label: e.name }))];
  return (
    <div className="page fleet-page">
      <PageHeader
        title="Fleet"
        subtitle={
          envId === undefined
            ? `${current.envs.length} ${current.envs.length === 1 ? 'environment' : 'environments'}`
            : (current.envs.find((e) => e.id === envId)?.name ?? envId)
        }
      >
        <nav className="segmented" aria-label="Fleet scope">
          {scopes.map((s) => (
            <a key={s.id} href={formatRoute('fleet', { scope: s.id })} aria-current={s.id === scope ? 'page' : undefined}>
              {s.label}
            </a>
          ))}
        </nav>
      </PageHeader>
      <div className="fleet-split">
        <div className="fleet-main">
          <FleetAttention
            envs={current.envs.filter((e) => envId === undefined || e.id === envId)}
            nowMsOf={(e) => {
              const asOf = fleet.data?.envs.find((f) => f.envId === e.id)?.asOf;
              return e.synthetic && asOf !== undefined ? Date.parse(asOf) : wall;
            }}
          />
          {fleet.error !== null ? <ErrorPanel error={fleet.error} title="Fleet health could not be loaded" /> : null}
          {fleet.data === undefined && fleet.error === null ? <Loading label="Loading fleet…" /> : null}
          {(fleet.data?.envs ?? []).map((env) => {
            const synthetic = current.envs.find((e) => e.id === env.envId)?.synthetic === true;
            return (
              <FleetEnvSection
                key={env.envId}
                env={env}
                listHref={(list, listEnv) => formatRoute('fleet', { ...params, list, listEnv: list === undefined ? undefined : listEnv })}
                open={open !== null && (params.listEnv ?? env.envId) === env.envId ? open : null}
                nowMs={synthetic ? Date.parse(env.asOf) : wall}
              />
            );
          })}
        </div>
        <TriageQueue
          envId={envId}
          envs={current.envs}
          days={days}
          onDays={(d) => navigate(formatRoute('fleet', { ...params, days: String(d) }))}
          nowMs={fleet.data?.envs[0] !== undefined && current.envs.every((e) => e.synthetic) ? Date.parse(fleet.data.envs[0].asOf) : wall}
        />
      </div>
    </div>
  );
}
