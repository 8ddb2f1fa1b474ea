import type { Mode } from './eval-options';
import type { QuestionFamily } from './eval-questions';

/** One question answered one way on one seed, scored. */
export interface EvalRow {
  readonly seed: number;
  readonly fresh: boolean;
  readonly mode: Mode;
  readonly id: string;
  readonly intent: string;
  readonly family: QuestionFamily;
  readonly question: string;
  readonly right: boolean;
  readonly wrong: readonly string[];
  /** Ids in the model's own text that are in neither the cache nor the turn's results. */
  readonly hallucinatedRaw: readonly string[];
  /** Those still shown to the user as fact after the claim checker. */
  readonly hallucinatedShown: readonly string[];
  /** Claims the copilot's checker marked "not found in the data" (absent in rows of runs before it was counted). */
  readonly unsupported?: number;
  readonly shouldAbstain: boolean;
  readonly abstained: boolean;
  readonly abstentionOk: boolean;
  readonly cited: number;
  readonly resolved: number;
  readonly seconds: number;
  /** Prompt tokens the model read anew in this turn (each generation's new messages). */
  readonly tokensRead: number;
  readonly tokensGenerated: number;
  readonly firstTool: string | null;
  /** Choice steps scored (offer of more than one tool, not all right), those right, and what random scores there on average. */
  readonly choices: { readonly scored: number; readonly right: number; readonly randomExpected: number };
  readonly answer: string;
}
