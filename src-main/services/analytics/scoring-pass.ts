import type Database from 'better-sqlite3';
import type { Finding } from './finding';
import { loadEnvHistory } from './history-load';
import { ScoringCache, scoreIncrementallyInChunks } from './incremental-scoring';
import type { MinedPatterns } from './patterns/pattern-miner';
import { scoreRisks, type RiskModels, type TaskRisk } from './risk-scoring';

/** What one scoring of an environment computed, ready for AnalyticsStore.replace. */
export interface ScoringOutput {
  readonly asOfMs: number;
  readonly findings: readonly Finding[];
  readonly patterns: MinedPatterns;
  readonly risks: readonly TaskRisk[];
  readonly modelJson: string;
}

/** What a scorer keeps between passes, per environment: detector results per series and the trained models. */
export class ScoringState {
  readonly caches = new Map<string, ScoringCache>();
  readonly models = new Map<string, RiskModels>();

  forget(envId: string): void {
    this.caches.delete(envId);
    this.models.delete(envId);
  }

  /** The models trained earlier, while the history has grown less than a tenth and they are less than a day old; else undefined (retrain). */
  freshModels(envId: string, rows: number, asOfMs: number): RiskModels | undefined {
    const m = this.models.get(envId);
    if (!m || rows > m.historyRows * 1.1 || rows < m.historyRows || asOfMs - m.trainedForMs > 86_400_000) return undefined;
    return m;
  }
}

export type PassProgress = (done: number, total: number, message: string) => void;

/**
 * One scoring pass of an environment, reading the cache through `db`:
 * anomalies (only the series whose rows changed since the last pass are
 * re-scored), error patterns, failure and lateness risk. Writes nothing.
 */
export async function runScoringPass(
  db: Database.Database,
  envId: string,
  asOf: string,
  force: boolean,
  state: ScoringState,
  pause: () => Promise<void>,
  progress: PassProgress,
): Promise<ScoringOutput> {
  try {
    progress(0, 4, 'reading history');
    await pause();
    const history = loadEnvHistory(db, envId, asOf);
    progress(1, 4, 'detecting anomalies');
    let cache = state.caches.get(envId);
    if (!cache) state.caches.set(envId, (cache = new ScoringCache()));
    const scored = await scoreIncrementallyInChunks(history, cache, pause);
    progress(2, 4, 'scoring failure and lateness risk');
    await pause();
    const risks = scoreRisks(history, force ? undefined : state.freshModels(envId, history.taskInstanceCount, history.asOfMs));
    state.models.set(envId, risks.models);
    const modelJson = JSON.stringify(
      risks.model ? { weights: risks.model.lr.weights, platt: risks.model.platt, trainRows: risks.model.trainRows } : null,
    );
    return { asOfMs: history.asOfMs, findings: scored.findings, patterns: scored.patterns, risks: risks.risks, modelJson };
  } catch (error) {
    state.forget(envId);
    throw error;
  }
}
