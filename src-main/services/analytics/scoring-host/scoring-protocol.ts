import type { ScoringOutput } from '../scoring-pass';

/** Engine → scoring host. */
export type ToScoringHost =
  | { readonly type: 'score'; readonly id: number; readonly dbPath: string; readonly envId: string; readonly asOf: string; readonly force: boolean }
  | { readonly type: 'forget'; readonly envId: string };

/** Scoring host → engine. */
export type FromScoringHost =
  | { readonly type: 'progress'; readonly id: number; readonly done: number; readonly total: number; readonly message: string }
  | { readonly type: 'result'; readonly id: number; readonly output: ScoringOutput }
  | { readonly type: 'error'; readonly id: number; readonly message: string };
