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
 * The choices of one step, best first: the proposals the person asked for and
 * not yet made, the top tools (those already called sink), and "answer":
 * last before any tool ran, second after one, first after two. While tools
 * the question's words point at are left uncalled, only those are offered: a
 * small model picks a broad overview it was not asked for far too often
 * (eval: list_failures for "what is downstream of asset X?").
 */
export function offeredChoices(ranked: readonly RankedTool[], used: ReadonlyMap<string, number>, allowed: readonly ActionKind[], proposed: readonly ActionKind[]): OfferedChoice[] {
  const calls = [...used.values()].reduce((a, n) => a + n, 0);
  const pointed = ranked.filter((r) => r.intent > 0 && !used.has(r.tool.name));
  const tools = (pointed.length > 0 ? pointed : ranked)
    .map((r) => ({ r, score: r.score - USED_PENALTY * (used.get(r.tool.name) ?? 0) }))
    .sort((a, b) => b.score - a.score)
    .slice(0, SHORT_LIST)
    .map(({ r }): OfferedChoice => ({ name: r.tool.name, draft: r.draft }));
  const answerAt = calls === 0 ? tools.length : calls === 1 ? 1 : 0;
  tools.splice(answerAt, 0, { name: ANSWER_CHOICE, draft: null });
  const proposals = allowed.filter((k) => !proposed.includes(k)).map((k): OfferedChoice => ({ name: proposalChoice(k), draft: null }));
  return [...proposals, ...tools];
}
