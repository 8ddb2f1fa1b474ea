import type { Job } from '../../../src-shared/api/requests/jobs';
import type { Environment } from '../../../src-shared/domain/environment';
import { EnvBadges } from '../environments/EnvBadges';
import { EnvSwatch } from '../environments/EnvSwatch';
import { WarningIcon } from '../environments/WarningIcon';
import { RelativeTime } from '../../platform/time/RelativeTime';
import { formatRoute } from '../../platform/routing/route';
import { SyncControls } from './SyncControls';

export interface RowActions {
  edit: (env: Environment) => void;
  remove: (env: Environment) => void;
}

function Freshness({ env, nowMs }: { env: Environment; nowMs: number }) {
  if (env.synthetic) return <span className="muted">Synthetic history generated on this machine</span>;
  if (env.lastSyncAt === null) return <span className="muted">never synced</span>;
  return (
    <span className="muted">
      synced <RelativeTime iso={env.lastSyncAt} nowMs={nowMs} />
    </span>
  );
}

/** One environment: who it is, whether it can connect, how fresh it is, and what can be done with it. */
export function EnvironmentRow({ env, job, nowMs, actions }: { env: Environment; job: Job | null; nowMs: number; actions: RowActions }) {
  return (
    <li className="env-row" aria-label={env.name}>
      <div className="env-row-main">
        <div className="env-row-title">
          <EnvSwatch color={env.color} />
          <span className="env-name">{env.name}</span>
          <EnvBadges env={env} />
          {env.synthetic ? null : env.credentialsConfigured ? (
            <span className="badge badge-ok">credentials configured</span>
          ) : (
            <span className="badge badge-warn">credentials needed</span>
          )}
        </div>
        {env.baseUrl !== null ? <div className="env-row-url mono selectable truncate">{env.baseUrl}</div> : null}
        <div className="env-row-sync">
          <Freshness env={env} nowMs={nowMs} />
        </div>
      </div>
      {env.synthetic ? null : (
        <div className="env-row-actions">
          <SyncControls env={env} job={job} />
          <div className="env-row-manage">
            <a className="button button-small" href={formatRoute('environment', { env: env.id })} aria-label={`Monitoring of ${env.name}`}>
              Monitoring
            </a>
            <button type="button" className="button button-small" onClick={() => actions.edit(env)} aria-label={`Edit ${env.name}`}>
              Edit
            </button>
            <button
              type="button"
              className="button button-small button-danger-quiet"
              onClick={() => actions.remove(env)}
              aria-label={`Remove ${env.name}`}
            >
              Remove
            </button>
          </div>
        </div>
      )}
      {env.lastSyncError !== null ? (
        <div className="env-row-error" role="note" aria-label={`Last sync of ${env.name} failed`}>
          <WarningIcon label="Last sync failed" />
          <span className="selectable">
            <strong>Last sync failed:</strong> {env.lastSyncError}
          </span>
        </div>
      ) : null}
    </li>
  );
}
