import type { FleetEnv } from '../../../src-shared/domain/investigate';
import { formatAbsolute } from '../../platform/time/format-relative';
import { formatRoute } from '../../platform/routing/route';
import { fleetCount, fleetListLabels, fleetLists, type FleetList } from './fleet-lists';
import { FleetListTable } from './FleetListTable';

const alarming: ReadonlySet<FleetList> = new Set(['failingNow', 'failed24h', 'failed7d', 'importErrors', 'staleDags']);

/** One environment's counts; a count opens the list behind it (kept in the route, so back/forward work). */
export function FleetEnvSection({
  env,
  open,
  nowMs,
  listHref,
}: {
  env: FleetEnv;
  open: FleetList | null;
  nowMs: number;
  listHref(list: FleetList | undefined, envId: string): string;
}) {
  return (
    <section className="fleet-env" aria-label={`Fleet health of ${env.envName}`}>
      <header className="fleet-env-head">
        <h2>
          <a href={formatRoute('environment', { env: env.envId })} title={`Monitoring of ${env.envName}`}>
            {env.envName}
          </a>
        </h2>
        <span className="muted">
          as of <time dateTime={env.asOf}>{formatAbsolute(env.asOf)}</time>
        </span>
      </header>
      <ul className="fleet-tiles">
        {fleetLists.map((list) => {
          const count = fleetCount(env, list);
          const selected = open === list;
          return (
            <li key={list}>
              <a
                className={`stat-tile fleet-tile${alarming.has(list) && count > 0 ? ' stat-bad' : ''}${selected ? ' is-selected' : ''}`}
                href={listHref(selected ? undefined : list, env.envId)}
                aria-expanded={selected}
                data-list={list}
              >
                <span className="stat-label">{fleetListLabels[list]}</span>
                <span className="stat-value">{count.toLocaleString('en-US')}</span>
              </a>
            </li>
          );
        })}
      </ul>
      {open !== null ? (
        <div className="fleet-list-panel table-scroll">
          <h3 className="section-title">{fleetListLabels[open]}</h3>
          <FleetListTable env={env} list={open} nowMs={nowMs} />
        </div>
      ) : null}
    </section>
  );
}
