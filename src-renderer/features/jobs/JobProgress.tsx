import type { Job } from '../../../src-shared/api/requests/jobs';
import { StateBadge } from '../../ui/states/StateBadge';
import { syncJobText } from './sync-job-text';

/**
 * One background job: label, a progress bar (indeterminate without a total)
 * and its message. A sync job reads as one line naming its environment:
 * "Syncing prod — task instances 1,200/3,400".
 */
export function JobProgress({ job, envName }: { job: Job; envName?: string | undefined }) {
  const percent = job.total !== null && job.total > 0 ? Math.min(100, Math.round((job.done / job.total) * 100)) : null;
  const isSync = job.kind === 'sync' && envName !== undefined;
  const label = isSync ? syncJobText(job, envName, job.state !== 'failed') : job.label;
  return (
    <span className={`job job-${job.state}`} title={isSync ? syncJobText(job, envName) : label}>
      {job.state === 'running' ? (
        <progress
          className="job-bar"
          max={100}
          value={percent ?? undefined}
          aria-label={`${isSync ? `Syncing ${envName}` : job.label} progress`}
        />
      ) : (
        <StateBadge state={job.state === 'done' ? 'success' : job.state === 'failed' ? 'failed' : 'removed'} compact />
      )}
      <span className="job-label">{label}</span>
      {!isSync && percent !== null && job.state === 'running' ? <span className="job-percent">{percent}%</span> : null}
      {!isSync && job.message !== null ? <span className="job-message">{job.message}</span> : null}
    </span>
  );
}
