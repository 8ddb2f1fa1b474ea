import type { Job } from '../../../src-shared/api/requests/jobs';
import { StateBadge } from '../states/StateBadge';

/** One background job: label, a progress bar (indeterminate without a total) and its message. */
export function JobProgress({ job }: { job: Job }) {
  const percent = job.total !== null && job.total > 0 ? Math.min(100, Math.round((job.done / job.total) * 100)) : null;
  return (
    <span className={`job job-${job.state}`}>
      <span className="job-label">{job.label}</span>
      {job.state === 'running' ? (
        <progress
          className="job-bar"
          max={100}
          value={percent ?? undefined}
          aria-label={`${job.label} progress`}
        />
      ) : (
        <StateBadge state={job.state === 'done' ? 'success' : job.state === 'failed' ? 'failed' : 'removed'} compact />
      )}
      {percent !== null && job.state === 'running' ? <span className="job-percent">{percent}%</span> : null}
      {job.message !== null ? <span className="job-message">{job.message}</span> : null}
    </span>
  );
}
