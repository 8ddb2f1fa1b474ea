import { useJobs } from './use-jobs';
import { JobProgress } from './JobProgress';

const RECENT_MS = 60_000;

/** Running jobs, and those that ended in the last minute; announced politely to screen readers. */
export function JobsStatus() {
  const jobs = useJobs();
  const now = Date.now();
  const visible = jobs.filter((job) => job.state === 'running' || now - Date.parse(job.startedAt) < RECENT_MS || job.state === 'failed').slice(0, 3);
  return (
    <div className="jobs-status" aria-live="polite" aria-label="Background jobs">
      {visible.length === 0 ? <span className="muted">No background jobs</span> : visible.map((job) => <JobProgress key={job.id} job={job} />)}
    </div>
  );
}
