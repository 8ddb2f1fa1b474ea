import type { Environment } from '../../src-shared/domain/environment';
import { EnvSwatch } from '../features/environments/EnvSwatch';
import { syncLabel } from '../features/environments/sync-label';
import { WarningIcon } from '../features/environments/WarningIcon';
import { JobsStatus } from '../features/jobs/JobsStatus';
import { useNow } from '../platform/time/use-now';

/** Freshness of every environment on the left (a warning where the last sync failed), background jobs on the right. */
export function StatusBar({ envs }: { envs: Environment[] }) {
  const now = useNow();
  return (
    <footer className="status-bar">
      <ul className="sync-list" aria-label="Environment sync">
        {envs.map((env) => {
          const failure = env.lastSyncError !== null ? `Last sync failed: ${env.lastSyncError}` : undefined;
          return (
            <li key={env.id} className={failure !== undefined ? 'sync-error' : undefined} title={failure}>
              <EnvSwatch color={env.color} />
              <span className="sync-name">{env.name}</span>
              {failure !== undefined ? <WarningIcon label={failure} /> : null}
              <span className="muted">{syncLabel(env, now)}</span>
            </li>
          );
        })}
      </ul>
      <JobsStatus />
    </footer>
  );
}
