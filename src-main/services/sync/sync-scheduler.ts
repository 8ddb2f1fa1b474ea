import type Database from 'better-sqlite3';
import { ApiError } from '../../../src-shared/api/errors';
import type { AirflowSource } from '../airflow/airflow-source';
import type { EnvironmentStore } from '../cache/environment-store';
import type { JobRegistry } from '../jobs/job-registry';
import { CursorStore } from './cursor-store';
import { SyncCancelled } from './page-walker';
import { defaultSyncOptions, syncEnvironment, type SyncOptions } from './sync-environment';
import type { SyncReport } from './sync-progress';

export interface SyncTarget {
  source: AirflowSource;
  historyDays: number;
  intervalMin: number | null;
}

const RECONCILE_EVERY_MS = 24 * 3_600_000;

/**
 * Runs syncs: at most one per environment, several environments at once,
 * each isolated (a failing one records its error and never stops the
 * others), cancellable, on demand or every N minutes.
 */
export class SyncScheduler {
  private readonly running = new Map<string, { controller: AbortController; done: Promise<SyncReport | null>; jobId: string }>();
  private readonly timers = new Map<string, NodeJS.Timeout>();

  constructor(
    private readonly db: Database.Database,
    private readonly environments: EnvironmentStore,
    private readonly jobs: JobRegistry,
    private readonly targetFor: (envId: string) => Promise<SyncTarget>,
    private readonly onChanged: (envId: string) => void,
    private readonly overrides: Partial<SyncOptions> = {},
  ) {}

  isRunning(envId: string): boolean {
    return this.running.has(envId);
  }

  /** Starts a sync unless one is running for the environment; returns its job id. */
  start(envId: string, full: boolean): { jobId: string; done: Promise<SyncReport | null> } {
    const existing = this.running.get(envId);
    if (existing) return { jobId: existing.jobId, done: existing.done };
    const controller = new AbortController();
    const job = this.jobs.start('sync', envId, `Syncing ${envId}`);
    const done = this.run(envId, full, controller.signal, job).finally(() => this.running.delete(envId));
    this.running.set(envId, { controller, done, jobId: job.id });
    return { jobId: job.id, done };
  }

  cancel(envId: string): boolean {
    const run = this.running.get(envId);
    run?.controller.abort();
    return run !== undefined;
  }

  /** Cancels a running sync of the environment and waits until it has stopped writing. */
  async stop(envId: string): Promise<void> {
    const run = this.running.get(envId);
    if (!run) return;
    run.controller.abort();
    await run.done;
  }

  /** Re-arms the periodic timer of an environment (null: manual only). */
  schedule(envId: string, intervalMin: number | null): void {
    clearInterval(this.timers.get(envId));
    this.timers.delete(envId);
    if (intervalMin === null) return;
    const timer = setInterval(() => this.start(envId, false), intervalMin * 60_000);
    timer.unref();
    this.timers.set(envId, timer);
  }

  async close(): Promise<void> {
    for (const timer of this.timers.values()) clearInterval(timer);
    this.timers.clear();
    const pending = [...this.running.values()];
    for (const run of pending) run.controller.abort();
    await Promise.allSettled(pending.map((r) => r.done));
  }

  private async run(envId: string, full: boolean, signal: AbortSignal, job: ReturnType<JobRegistry['start']>): Promise<SyncReport | null> {
    try {
      const target = await this.targetFor(envId);
      const lastReconcile = new CursorStore(this.db).get(envId, 'reconciled');
      const reconcile = full || lastReconcile === null || Date.now() - Date.parse(lastReconcile) > RECONCILE_EVERY_MS;
      const report = await syncEnvironment(target.source, this.db, {
        ...defaultSyncOptions,
        ...this.overrides,
        windowDays: target.historyDays,
        reconcile,
        signal,
        onProgress: (p) => job.progress(p.done, p.total, p.step.replace('_', ' ')),
      });
      this.environments.recordSyncSuccess(envId, report.finishedAt);
      const changed = Object.values(report.written).reduce((a, b) => a + b, 0);
      job.succeed(changed === 0 ? 'Up to date' : `${changed} changes`);
      if (changed > 0) this.onChanged(envId);
      return report;
    } catch (error) {
      if (error instanceof SyncCancelled) {
        job.fail('Cancelled');
        return null;
      }
      const message = error instanceof ApiError || error instanceof Error ? error.message : String(error);
      this.environments.recordSyncFailure(envId, message);
      job.fail(message);
      this.onChanged(envId);
      return null;
    }
  }
}
