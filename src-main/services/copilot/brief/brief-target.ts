import type { CopilotContext } from '../../../../src-shared/domain/copilot';
import type { QuestionEntities } from '../agent/question-entities';

/**
 * Questions the failure brief answers: why a run failed, what changed, what is downstream, whether it happened
 * before, "explain" and "what happened". Open questions ("what should I look at first today?") are not among them.
 */
const FACT_QUESTION =
  /\b(why|fail(ed|s|ing|ure)?|broke|broken|crash(ed)?|error|what happened|went wrong|explain|cause[ds]?|what changed|changed|downstream|impact(ed)?|affect(ed|s)?|before|again|recurring)\b/i;

export function isFactQuestion(question: string): boolean {
  return FACT_QUESTION.test(question);
}

/**
 * The run whose failure brief comes first in the answer, or null: the run the copilot was opened on ("Explain",
 * an incident), else for a fact question the run its words resolve to (named, of the day it names), else the
 * newest failure of the DAG it names.
 */
export function briefTarget(
  question: string,
  context: CopilotContext | null,
  entities: QuestionEntities,
  latestFailure: (dagId: string) => string | null,
): { dagId: string; runId: string } | null {
  if (context?.runId !== undefined) return { dagId: context.dagId, runId: context.runId };
  if (!isFactQuestion(question) || entities.dagId === null) return null;
  const runId = entities.runId ?? latestFailure(entities.dagId);
  return runId === null ? null : { dagId: entities.dagId, runId };
}
