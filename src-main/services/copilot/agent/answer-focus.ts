import type { AnswerFocus } from './prompt';
import type { RankedTool } from './tool-ranking';

const FOCUS_OF_TOOL: Readonly<Record<string, AnswerFocus>> = {
  downstream_impact: 'downstream',
  anomalies_and_risks: 'slowdown',
  duration_history: 'slowdown',
  error_patterns: 'error',
  search_failures: 'error',
};

/** What the answer should lead with: decided by the tool the question's words point at most. */
export function answerFocus(ranked: readonly RankedTool[]): AnswerFocus {
  const top = ranked.filter((r) => r.intent > 0).sort((a, b) => b.intent - a.intent)[0];
  if (top === undefined) return 'general';
  return FOCUS_OF_TOOL[top.tool.name] ?? 'failure';
}
