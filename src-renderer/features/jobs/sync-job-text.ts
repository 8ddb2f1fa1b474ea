import type { Job } from '../../../src-shared/api/requests/jobs';

const numbers = new Intl.NumberFormat('en-US');

/** "task_instances" or "tries and_logs" as words. */
export function stepWords(message: string): string {
  return message.replace(/_/g, ' ');
}

/** "1,200/3,400", "1,200" without a total, or "" before anything is counted. */
export function countText(done: number, total: number | null): string {
  if (total !== null) return `${numbers.format(done)}/${numbers.format(total)}`;
  return done > 0 ? numbers.format(done) : '';
}

/** "120/s, about 25 s left" once the step has a measured pace, else "". */
export function paceText(job: Pick<Job, 'ratePerS' | 'etaS'>): string {
  if (job.ratePerS === null || job.ratePerS === undefined) return '';
  const rate = `${numbers.format(Math.round(job.ratePerS))}/s`;
  if (job.etaS === null || job.etaS === undefined) return rate;
  const eta = job.etaS < 90 ? `${Math.max(1, Math.round(job.etaS))} s` : `${Math.round(job.etaS / 60)} min`;
  return `${rate}, about ${eta} left`;
}

/** The step and its count while running: "task instances 1,200/3,400 · 120/s, about 25 s left". */
export function syncStepText(job: Job): string {
  const parts = [job.message !== null ? stepWords(job.message) : '', countText(job.done, job.total)].filter((part) => part.length > 0);
  const pace = paceText(job);
  return pace.length > 0 ? `${parts.join(' ')} · ${pace}` : parts.join(' ');
}

/**
 * One line for a sync job: "Syncing prod — task instances 1,200/3,400",
 * "Synced prod — 42 changes". Without `withOutcome` an ended job leaves out
 * its message (a failure's error is long; the environment shows it).
 */
export function syncJobText(job: Job, envName: string, withOutcome = true): string {
  if (job.state === 'running') {
    const step = syncStepText(job);
    return step.length > 0 ? `Syncing ${envName} — ${step}` : `Syncing ${envName}`;
  }
  const verb =
    job.state === 'done' ? `Synced ${envName}` : job.message === 'Cancelled' ? `Sync of ${envName} cancelled` : `Sync of ${envName} failed`;
  return withOutcome && job.message !== null && job.message !== 'Cancelled' ? `${verb} — ${job.message}` : verb;
}

/** The newest sync job of an environment (jobs come newest first). */
export function latestSyncJob(jobs: readonly Job[], envId: string): Job | null {
  return jobs.find((job) => job.kind === 'sync' && job.envId === envId) ?? null;
}
