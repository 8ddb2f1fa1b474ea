import type Database from 'better-sqlite3';
import { runScoringPass, ScoringState, type PassProgress, type ScoringOutput } from '../scoring-pass';

/** Where scoring passes run: in the engine's own thread, or in a separate process (see scoring-host-backend.ts). */
export interface ScoringBackend {
  score(envId: string, asOf: string, force: boolean, progress: PassProgress): Promise<ScoringOutput>;
  /** Drops what is kept for an environment (removed, or its history replaced). */
  forget(envId: string): void;
  close(): void;
}

const pause = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** Scores on the engine's event loop, yielding between chunks: for tests and CLIs, where nothing else waits on the engine. */
export function inProcessScoring(db: Database.Database): ScoringBackend {
  const state = new ScoringState();
  return {
    score: (envId, asOf, force, progress) => runScoringPass(db, envId, asOf, force, state, pause, progress),
    forget: (envId) => state.forget(envId),
    close: () => undefined,
  };
}
