import type { Environment } from '../../../src-shared/domain/environment';
import { EnvSwatch } from '../environments/EnvSwatch';
import { syncLabel } from '../environments/sync-label';
import { JobsStatus } from '../jobs/JobsStatus';
import { useNow } from '../time/use-now';

/** Freshness of every environment on the left, background jobs on the right. */
export function StatusBar({ envs }: { envs: Environment[] }) {
  const now = useNow();
  return (
    <footer className="status-bar">
      <ul className="sync-list" aria-label="Environment sync">
        {envs.map((env) => (
          <li key={env.id} className={env.lastSyncError !== null ? 'sync-error' : undefined} title={env.lastSyncError ?? undefined}>
            <EnvSwatch color={env.color} />
            <span className="sync-name">{env.name}</span>
            <span className="muted">{syncLabel(env, now)}</span>
          </li>
        ))}
      </ul>
      <JobsStatus />
    </footer>
  );
}
