import type Database from 'better-sqlite3';
import type { JobRegistry } from '../jobs/job-registry';
import { AnalyticsStore } from './analytics-store';
import { AnomalyMarks } from './anomaly-marks';
import { loadEnvHistory } from './history-load';
import { ScoringCache, scoreIncrementallyInChunks } from './incremental-scoring';
import { scoreRisks, type RiskModels } from './risk-scoring';

const pause = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

export interface RescoreResult {
  readonly jobId: string | null;
  /** False when the history had not changed since the last scoring. */
  readonly rescored: boolean;
}

/**
 * Scores an environment (anomalies, error patterns, failure risk) and stores
 * the results for the views. One rescoring per environment at a time; it
 * yields to the event loop between stages so the engine keeps answering.
 */
export class AnalyticsService {
  readonly store: AnalyticsStore;
  /** Acknowledged and muted tasks. */
  readonly marks: AnomalyMarks;
  private readonly running = new Map<string, Promise<RescoreResult>>();
  /** Per environment: what the last scoring computed per task and DAG (a sync re-scores only what changed) and the trained models. */
  private readonly caches = new Map<string, ScoringCache>();
  private readonly models = new Map<string, RiskModels>();

  constructor(
    private readonly db: Database.Database,
    private readonly jobs: JobRegistry,
    private readonly onScored: (envId: string) => void,
  ) {
    this.store = new AnalyticsStore(db);
    this.marks = new AnomalyMarks(db);
  }

  /** Resolves once no scoring is running (before the cache closes). */
  async idle(): Promise<void> {
    await Promise.allSettled([...this.running.values()]);
  }

  rescore(envId: string, asOf: string, force = false): Promise<RescoreResult> {
    const existing = this.running.get(envId);
    if (existing) return existing;
    const done = this.run(envId, asOf, force).finally(() => this.running.delete(envId));
    this.running.set(envId, done);
    return done;
  }

  private async run(envId: string, asOf: string, force: boolean): Promise<RescoreResult> {
    const meta = this.store.fingerprint(envId);
    if (!force && this.store.scoredFingerprint(envId) === meta.fingerprint) return { jobId: null, rescored: false };
    const job = this.jobs.start('scoring', envId, `Scoring ${envId}`);
    try {
      job.progress(0, 4, 'reading history');
      await pause();
      const history = loadEnvHistory(this.db, envId, asOf);
      job.progress(1, 4, 'detecting anomalies');
      let cache = this.caches.get(envId);
      if (!cache) this.caches.set(envId, (cache = new ScoringCache()));
      const scored = await scoreIncrementallyInChunks(history, cache, pause);
      job.progress(2, 4, 'scoring failure and lateness risk');
      await pause();
      const risks = scoreRisks(history, force ? undefined : this.freshModels(envId, history.taskInstanceCount, history.asOfMs));
      this.models.set(envId, risks.models);
      job.progress(3, 4, 'saving');
      await pause();
      const modelJson = JSON.stringify(risks.model ? { weights: risks.model.lr.weights, platt: risks.model.platt, trainRows: risks.model.trainRows } : null);
      this.store.replace(envId, history.asOfMs, scored.findings, scored.patterns, risks.risks, { ...meta, modelJson });
      job.succeed(`${scored.findings.length} anomalies, ${scored.patterns.patterns.length} error patterns`);
      this.onScored(envId);
      return { jobId: job.id, rescored: true };
    } catch (error) {
      this.caches.delete(envId);
      job.fail(`Scoring failed: ${error instanceof Error ? error.message : String(error)}`);
      throw error;
    }
  }

  /** The models trained earlier, while the history has grown less than a tenth and they are less than a day old; else undefined (retrain). */
  private freshModels(envId: string, rows: number, asOfMs: number): RiskModels | undefined {
    const m = this.models.get(envId);
    if (!m || rows > m.historyRows * 1.1 || rows < m.historyRows || asOfMs - m.trainedForMs > 86_400_000) return undefined;
    return m;
  }
}
