import type { ActionKind, ActionProposal, AgentStep, Citation, CopilotContext, TurnState } from '../../../../src-shared/domain/copilot';
import type { GenerationStats } from '../../../../src-shared/domain/copilot-models';
import type { ChatTurn } from '../../llm/host/host-protocol';
import type { CopilotTool, ToolContext } from '../tools/tool-types';
import { requestedActions } from './action-intent';
import { CitationRegistry } from './citation-registry';
import { decisionSchema, parseDecision } from './decision';
import type { Narrowing } from './grammar-schema';
import type { ModelPort } from './model-port';
import { ANSWER_PROMPT, DataFence, invalidStepPrompt, LIMIT_PROMPT, questionPrompt, systemPrompt, toolResultPrompt } from './prompt';
import { makeProposal } from './proposals';

export interface TurnInput {
  readonly question: string;
  readonly context: CopilotContext | null;
  /** Earlier questions and answers of the conversation, oldest first. */
  readonly history: readonly ChatTurn[];
  readonly envName: string;
  readonly tools: readonly CopilotTool[];
  readonly toolContext: Omit<ToolContext, 'cite'>;
  readonly narrow: Narrowing;
  readonly maxSteps: number;
  readonly seed: number;
  readonly signal: AbortSignal;
  onStep(step: AgentStep): void;
  onToken(text: string): void;
}

export interface TurnResult {
  readonly state: Exclude<TurnState, 'running'>;
  readonly text: string;
  readonly citations: Citation[];
  readonly proposals: ActionProposal[];
  readonly steps: AgentStep[];
  readonly stats: GenerationStats | null;
  /** The kinds of action the person's question allowed. */
  readonly allowed: ActionKind[];
}

const STEP_MAX_TOKENS = 600;
const ANSWER_MAX_TOKENS = 700;

/**
 * One question, answered: the model picks a tool (under a grammar built from
 * the tools' schemas) or decides to answer, at most maxSteps times; every
 * pick is validated again before anything runs; then the answer streams.
 */
export async function runTurn(model: ModelPort, input: TurnInput): Promise<TurnResult> {
  const fence = new DataFence();
  const allowed = requestedActions(input.question);
  const citations = new CitationRegistry();
  const ctx: ToolContext = { ...input.toolContext, cite: (t) => citations.cite(t) };
  const schema = decisionSchema(input.tools, allowed, input.narrow);
  const messages: ChatTurn[] = [
    { role: 'system', text: systemPrompt({ envName: input.envName, asOf: input.toolContext.asOf, tools: input.tools, allowed, fence, maxSteps: input.maxSteps }) },
    ...input.history,
    { role: 'user', text: questionPrompt(input.question, input.context, fence) },
  ];
  const steps: AgentStep[] = [];
  const proposals: ActionProposal[] = [];
  const record = (step: Omit<AgentStep, 'index'>) => {
    const full = { ...step, index: steps.length + 1 };
    steps.push(full);
    input.onStep(full);
  };
  const finish = (state: TurnResult['state'], text: string, stats: GenerationStats | null): TurnResult => ({
    state, text, citations: citations.list(), proposals, steps, stats, allowed,
  });

  let answered = false;
  for (let i = 0; i < input.maxSteps && !answered; i++) {
    if (input.signal.aborted) return finish('stopped', '', null);
    const started = performance.now();
    const step = await model.generate({ messages, jsonSchema: schema, maxTokens: STEP_MAX_TOKENS, temperature: 0, seed: input.seed + i }, () => undefined, input.signal);
    if (step.stopReason === 'stopped' || input.signal.aborted) return finish('stopped', '', null);
    messages.push({ role: 'model', text: step.text });
    const parsed = parseDecision(step.text, input.tools, allowed);
    const ms = performance.now() - started;
    if (!parsed.ok) {
      record({ kind: 'invalid', tool: null, args: null, summary: parsed.problem, ms });
      messages.push({ role: 'user', text: invalidStepPrompt(parsed.problem) });
      continue;
    }
    const d = parsed.decision;
    if (d.action === 'answer') {
      answered = true;
    } else if (d.action === 'tool') {
      const out = d.tool.run(ctx, d.args);
      record({ kind: 'tool', tool: d.tool.name, args: JSON.stringify(d.args), summary: out.summary, ms: performance.now() - started });
      messages.push({ role: 'user', text: toolResultPrompt(d.tool.name, out.text, fence) });
    } else {
      const proposal = makeProposal(d.kind, d.args);
      proposals.push(proposal);
      record({ kind: 'proposal', tool: d.kind, args: JSON.stringify(d.args), summary: proposal.summary, ms });
      messages.push({ role: 'user', text: 'The card is shown to the user. Next step: one JSON object.' });
    }
  }
  if (!answered) {
    record({ kind: 'limit', tool: null, args: null, summary: `Step limit of ${input.maxSteps} reached; answering with what was gathered.`, ms: 0 });
    messages.push({ role: 'user', text: LIMIT_PROMPT + ANSWER_PROMPT });
  } else {
    messages.push({ role: 'user', text: ANSWER_PROMPT });
  }
  const answer = await model.generate({ messages, jsonSchema: null, maxTokens: ANSWER_MAX_TOKENS, temperature: 0.2, seed: input.seed }, input.onToken, input.signal);
  return finish(answer.stopReason === 'stopped' ? 'stopped' : 'done', answer.text.trim(), answer.stats);
}
