import type Database from 'better-sqlite3';
import type { JobRegistry } from '../jobs/job-registry';
import { AnalyticsStore } from './analytics-store';
import { AnomalyMarks } from './anomaly-marks';
import { inProcessScoring, type ScoringBackend } from './scoring-host/scoring-backend';

export interface RescoreResult {
  readonly jobId: string | null;
  /** False when the history had not changed since the last scoring. */
  readonly rescored: boolean;
}

/**
 * Scores an environment (anomalies, error patterns, failure risk) and stores
 * the results for the views. One rescoring per environment at a time. The
 * passes run on a ScoringBackend: in the engine (yielding between chunks) by
 * default, in a scoring process when the engine is serving a UI.
 */
export class AnalyticsService {
  readonly store: AnalyticsStore;
  /** Acknowledged and muted tasks. */
  readonly marks: AnomalyMarks;
  private readonly running = new Map<string, Promise<RescoreResult>>();
  private readonly queued = new Map<string, Promise<RescoreResult>>();
  private readonly backend: ScoringBackend;

  constructor(
    db: Database.Database,
    private readonly jobs: JobRegistry,
    private readonly onScored: (envId: string) => void,
    backend?: ScoringBackend,
  ) {
    this.store = new AnalyticsStore(db);
    this.marks = new AnomalyMarks(db);
    this.backend = backend ?? inProcessScoring(db);
  }

  /** Resolves once no scoring is running (before the cache closes). */
  async idle(): Promise<void> {
    await Promise.allSettled([...this.running.values(), ...this.queued.values()]);
  }

  /**
   * Scores the environment unless its history is unchanged since the last scoring. Asked while a
   * scoring runs (a sync landed meanwhile), it runs once more after that one, so no change is left unscored.
   */
  rescore(envId: string, asOf: string, force = false): Promise<RescoreResult> {
    const existing = this.running.get(envId);
    if (existing) {
      const queued = this.queued.get(envId);
      if (queued) return queued;
      const next = existing
        .catch(() => undefined)
        .then(() => {
          this.queued.delete(envId);
          return this.rescore(envId, asOf, force);
        });
      this.queued.set(envId, next);
      return next;
    }
    const done = this.run(envId, asOf, force).finally(() => this.running.delete(envId));
    this.running.set(envId, done);
    return done;
  }

  private async run(envId: string, asOf: string, force: boolean): Promise<RescoreResult> {
    const meta = this.store.fingerprint(envId);
    if (!force && this.store.scoredFingerprint(envId) === meta.fingerprint) return { jobId: null, rescored: false };
    const job = this.jobs.start('scoring', envId, `Scoring ${envId}`);
    try {
      const out = await this.backend.score(envId, asOf, force, (done, total, message) => job.progress(done, total, message));
      job.progress(3, 4, 'saving');
      this.store.replace(envId, out.asOfMs, out.findings, out.patterns, out.risks, { ...meta, modelJson: out.modelJson });
      job.succeed(`${out.findings.length} anomalies, ${out.patterns.patterns.length} error patterns`);
      this.onScored(envId);
      return { jobId: job.id, rescored: true };
    } catch (error) {
      job.fail(`Scoring failed: ${error instanceof Error ? error.message : String(error)}`);
      throw error;
    }
  }

  /** Stops the scoring process, if any (after idle()). */
  close(): void {
    this.backend.close();
  }
}
