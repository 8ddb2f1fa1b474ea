import { randomUUID } from 'node:crypto';
import { redactSecrets } from '../credentials/secret-redaction';
import type { Job } from '../../../src-shared/api/requests/jobs';

export interface JobHandle {
  readonly id: string;
  progress(done: number, total: number | null, message?: string): void;
  succeed(message?: string): void;
  fail(message: string): void;
}

const KEEP_FINISHED = 50;
/** Progress events are throttled to this interval per job so a fast loop cannot flood the UI. */
const PROGRESS_INTERVAL_MS = 100;

/** Background jobs and their progress, reported through one listener; `onEnd` hears each job once, when it ends. */
export class JobRegistry {
  private readonly jobs = new Map<string, Job>();

  constructor(
    private readonly onChange: (job: Job) => void,
    private readonly onEnd: (job: Job) => void = () => undefined,
  ) {}

  list(): Job[] {
    return [...this.jobs.values()].sort((a, b) => b.startedAt.localeCompare(a.startedAt));
  }

  start(kind: Job['kind'], envId: string | null, label: string): JobHandle {
    const job: Job = {
      id: randomUUID(),
      kind,
      envId,
      label,
      state: 'running',
      done: 0,
      total: null,
      message: null,
      ratePerS: null,
      etaS: null,
      startedAt: new Date().toISOString(),
    };
    this.jobs.set(job.id, job);
    this.prune();
    this.onChange(job);
    let lastEmit = 0;
    const update = (patch: Partial<Job>, force: boolean): void => {
      const wasRunning = job.state === 'running';
      Object.assign(job, patch);
      const now = Date.now();
      if (force || now - lastEmit >= PROGRESS_INTERVAL_MS) {
        lastEmit = now;
        this.onChange({ ...job });
      }
      if (wasRunning && job.state !== 'running') this.onEnd({ ...job });
    };
    // Rate and ETA are measured within a step (a message), since each step counts different items.
    let step = { message: null as string | null, at: Date.now(), done: 0 };
    const pace = (done: number, total: number | null, message: string | null): Pick<Job, 'ratePerS' | 'etaS'> => {
      const now = Date.now();
      if (message !== step.message || done < step.done) step = { message, at: now, done };
      const seconds = (now - step.at) / 1000;
      if (seconds < 1 || done <= step.done) return { ratePerS: null, etaS: null };
      const ratePerS = (done - step.done) / seconds;
      return { ratePerS, etaS: total !== null && total >= done ? (total - done) / ratePerS : null };
    };
    return {
      id: job.id,
      progress: (done, total, message) => {
        const nextMessage = message === undefined ? job.message : redactSecrets(message);
        update({ done, total, message: nextMessage, ...pace(done, total, nextMessage) }, false);
      },
      succeed: (message) =>
        update(
          {
            state: 'done',
            done: job.total ?? job.done,
            message: message === undefined ? null : redactSecrets(message),
            ratePerS: null,
            etaS: null,
          },
          true,
        ),
      fail: (message) => update({ state: 'failed', message: redactSecrets(message), ratePerS: null, etaS: null }, true),
    };
  }

  private prune(): void {
    const finished = this.list().filter((j) => j.state !== 'running');
    for (const job of finished.slice(KEEP_FINISHED)) this.jobs.delete(job.id);
  }
}
