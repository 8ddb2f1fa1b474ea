import type { ActionKind } from '../../../../src-shared/domain/copilot';
import { ANSWER_CHOICE, proposalChoice } from './decision';
import type { RankedTool } from './tool-ranking';

/** How many tools the model chooses among at one step. */
export const SHORT_LIST = 4;
/** What a tool loses in the ranking each time it has been called already. */
const USED_PENALTY = 6;

export interface OfferedChoice {
  readonly name: string;
  readonly draft: Record<string, string | number> | null;
}

/**
 * The tools to choose among, from the narrowest set that is not empty: those
 * the question's words point at whose arguments it already resolves, then
 * those it points at, then all. Only uncalled tools count for the first two:
 * a small model picks a broad overview it was not asked for far too often
 * (eval: list_failures for "what is downstream of asset X?"), and a tool whose
 * ids nobody named over one that needs none (duration_history with a guessed
 * task for "which task got slower?").
 */
function candidates(ranked: readonly RankedTool[], used: ReadonlyMap<string, number>): readonly RankedTool[] {
  if (!pointsAtTools(ranked)) return ranked;
  const pointed = ranked.filter((r) => r.intent > 0 && !used.has(r.tool.name));
  const ready = pointed.filter((r) => r.ready);
  // When every tool the question points at has run, it is time to answer: more broad lookups
  // only fill a small model's context with results it then copies instead of answering.
  return ready.length > 0 ? ready : pointed;
}

function pointsAtTools(ranked: readonly RankedTool[]): boolean {
  return ranked.some((r) => r.intent > 0);
}

/**
 * The choices of one step, best first: the proposals the person asked for and
 * not yet made, the top candidate tools (those already called sink), and
 * "answer": second after one call, first after two; before any call only when
 * the question points at no tool (a question about the cache is looked up
 * first: the 0.5B model otherwise answered "what new error appeared?" from nothing).
 */
export function offeredChoices(
  ranked: readonly RankedTool[],
  used: ReadonlyMap<string, number>,
  allowed: readonly ActionKind[],
  proposed: readonly ActionKind[],
): OfferedChoice[] {
  const calls = [...used.values()].reduce((a, n) => a + n, 0);
  const tools = candidates(ranked, used)
    .map((r) => ({ r, score: r.score - USED_PENALTY * (used.get(r.tool.name) ?? 0) }))
    .sort((a, b) => b.score - a.score)
    .slice(0, SHORT_LIST)
    .map(({ r }): OfferedChoice => ({ name: r.tool.name, draft: r.draft }));
  const lookFirst = calls === 0 && pointsAtTools(ranked);
  if (!lookFirst) tools.splice(calls === 0 ? tools.length : calls === 1 ? 1 : 0, 0, { name: ANSWER_CHOICE, draft: null });
  const proposals = allowed.filter((k) => !proposed.includes(k)).map((k): OfferedChoice => ({ name: proposalChoice(k), draft: null }));
  return [...proposals, ...tools];
}
