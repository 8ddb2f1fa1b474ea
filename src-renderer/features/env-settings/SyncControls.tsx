import type { Job } from '../../../src-shared/api/requests/jobs';
import type { Environment } from '../../../src-shared/domain/environment';
import { useApiMutation } from '../../platform/api/use-api-mutation';
import { ApiErrorNotice } from '../../ui/feedback/ApiErrorNotice';
import { syncStepText } from '../jobs/sync-job-text';

/** Sync now / Full sync, or Cancel with a progress bar (step, done/total) while a sync runs. */
export function SyncControls({ env, job }: { env: Environment; job: Job | null }) {
  const start = useApiMutation('sync.start');
  const cancel = useApiMutation('sync.cancel');
  const running = job !== null && job.state === 'running';
  const percent = running && job.total !== null && job.total > 0 ? Math.min(100, Math.round((job.done / job.total) * 100)) : null;
  const step = running ? syncStepText(job) : '';
  return (
    <div className="sync-controls">
      {running ? (
        <>
          <div className="sync-progress">
            <progress className="job-bar" max={100} value={percent ?? undefined} aria-label={`Syncing ${env.name}`} />
            <span className="sync-step">{step.length > 0 ? step : 'starting…'}</span>
          </div>
          <button
            type="button"
            className="button button-small"
            disabled={cancel.isPending}
            onClick={() => cancel.mutate({ envId: env.id })}
          >
            Cancel
          </button>
        </>
      ) : (
        <>
          <button
            type="button"
            className="button button-small"
            disabled={start.isPending}
            onClick={() => start.mutate({ envId: env.id, full: false })}
          >
            Sync now
          </button>
          <button
            type="button"
            className="button button-small"
            disabled={start.isPending}
            title="Fetch everything in the history window again and mark what Airflow no longer has"
            onClick={() => start.mutate({ envId: env.id, full: true })}
          >
            Full sync
          </button>
        </>
      )}
      {start.error !== null ? <ApiErrorNotice error={start.error} title="Sync did not start" /> : null}
    </div>
  );
}
