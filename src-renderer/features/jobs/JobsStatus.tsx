import { useEnvironments } from '../environments/use-environments';
import { useJobs } from './use-jobs';
import { JobProgress } from './JobProgress';

const RECENT_MS = 60_000;

/** Running jobs, and those that ended in the last minute; announced politely to screen readers. */
export function JobsStatus() {
  const jobs = useJobs();
  const { envs } = useEnvironments();
  const now = Date.now();
  const visible = jobs
    .filter((job) => job.state === 'running' || now - Date.parse(job.startedAt) < RECENT_MS || job.state === 'failed')
    .slice(0, 3);
  const nameOf = (envId: string | null): string | undefined => envs.find((env) => env.id === envId)?.name ?? envId ?? undefined;
  return (
    <div className="jobs-status" aria-live="polite" aria-label="Background jobs">
      {visible.length === 0 ? (
        <span className="muted">No background jobs</span>
      ) : (
        visible.map((job) => <JobProgress key={job.id} job={job} envName={job.kind === 'sync' ? nameOf(job.envId) : undefined} />)
      )}
    </div>
  );
}
