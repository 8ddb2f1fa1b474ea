import type { ActionKind, ActionProposal, AgentStep, Citation, CopilotContext, TurnState } from '../../../../src-shared/domain/copilot';
import type { GenerationStats } from '../../../../src-shared/domain/copilot-models';
import type { ChatTurn } from '../../llm/host/host-protocol';
import type { CopilotTool, ToolContext } from '../tools/tool-types';
import { requestedActions } from './action-intent';
import { answerFocus } from './answer-focus';
import { CitationRegistry } from './citation-registry';
import { ANSWER_CHOICE, argsSchema, choiceSchema, parseArgs, parseChoice, type Choice } from './decision';
import type { Narrowing } from './grammar-schema';
import type { ModelPort } from './model-port';
import { answerPrompt, argsPrompt, choicePrompt, DataFence, invalidStepPrompt, LIMIT_PROMPT, questionPrompt, systemPrompt, toolResultPrompt } from './prompt';
import { linkMentions } from './link-mentions';
import { makeProposal, proposalArgs } from './proposals';
import { resolveQuestion } from './question-entities';
import { offeredChoices } from './step-offer';
import { draftArgs, rankTools } from './tool-ranking';

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
  /** References the model did not write but the answer names (added by linkMentions). */
  readonly linked: string[];
}

const CHOICE_MAX_TOKENS = 40;
const ARGS_MAX_TOKENS = 400;
/** Two to six short sentences need well under this; more is a small model rambling (250 s at 700 tokens on a busy 2-core CPU). */
const ANSWER_MAX_TOKENS = 400;

/**
 * One question, answered. The question's ids, runs and days are resolved in
 * the cache first and the tools ranked by its intent; then at most maxSteps
 * times the model chooses (under a grammar: an enum of the ranked short list,
 * "answer", and the proposals the person asked for) and fills the chosen
 * tool's arguments (under that tool's own schema, drafted from the resolved
 * ids); every call is validated again before anything runs; then the answer streams.
 */
export async function runTurn(model: ModelPort, input: TurnInput): Promise<TurnResult> {
  const fence = new DataFence();
  const allowed = requestedActions(input.question);
  const citations = new CitationRegistry();
  const { db, envId, asOf } = input.toolContext;
  const ctx: ToolContext = { ...input.toolContext, cite: (t) => citations.cite(t) };
  const entities = resolveQuestion(db, envId, asOf, input.question, input.context);
  const ranked = rankTools(input.tools, input.question, entities);
  const messages: ChatTurn[] = [
    { role: 'system', text: systemPrompt({ envName: input.envName, asOf, tools: input.tools, allowed, fence, maxSteps: input.maxSteps }) },
    ...input.history,
  ];
  const steps: AgentStep[] = [];
  const proposals: ActionProposal[] = [];
  const used = new Map<string, number>();
  const record = (step: Omit<AgentStep, 'index'>) => {
    const full = { ...step, index: steps.length + 1 };
    steps.push(full);
    input.onStep(full);
  };
  const finish = (state: TurnResult['state'], text: string, stats: GenerationStats | null): TurnResult => {
    const linked = state === 'done' ? linkMentions(text, citations.list()) : { text, added: [] };
    return { state, text: linked.text, citations: citations.list(), proposals, steps, stats, allowed, linked: linked.added };
  };
  const generate = async (jsonSchema: unknown, maxTokens: number, seed: number): Promise<string | null> => {
    const out = await model.generate({ messages, jsonSchema, maxTokens, temperature: 0, seed }, () => undefined, input.signal);
    if (out.stopReason === 'stopped' || input.signal.aborted) return null;
    messages.push({ role: 'model', text: out.text });
    return out.text;
  };

  /** What the next user message starts with: the question, a tool result, or a rejection. */
  let pending = questionPrompt(input.question, input.context, fence);
  let answered = false;
  for (let i = 0; i < input.maxSteps && !answered; i++) {
    if (input.signal.aborted) return finish('stopped', '', null);
    const started = performance.now();
    const offer = offeredChoices(ranked, used, allowed, proposals.map((p) => p.kind));
    if (offer.length === 1 && offer[0]?.name === ANSWER_CHOICE) {
      answered = true; // nothing left to choose: no generation needed
      break;
    }
    messages.push({ role: 'user', text: `${pending}\n${choicePrompt(offer, input.tools)}` });
    const chosenText = await generate(choiceSchema(offer.map((o) => o.name)), CHOICE_MAX_TOKENS, input.seed + 2 * i);
    if (chosenText === null) return finish('stopped', '', null);
    const chosen = parseChoice(chosenText, offer.map((o) => o.name), input.tools, allowed);
    if (!chosen.ok) {
      record({ kind: 'invalid', tool: null, args: null, summary: chosen.problem, ms: performance.now() - started });
      pending = invalidStepPrompt(chosen.problem);
      continue;
    }
    if (chosen.value.action === 'answer') {
      answered = true;
      break;
    }
    const choice: Exclude<Choice, { action: 'answer' }> = chosen.value;
    const name = choice.action === 'tool' ? choice.tool.name : choice.kind;
    const draft = choice.action === 'tool' ? (ranked.find((r) => r.tool === choice.tool)?.draft ?? {}) : draftArgs(proposalArgs[choice.kind], entities);
    messages.push({ role: 'user', text: argsPrompt(name, draft) });
    const argsText = await generate(argsSchema(choice, input.narrow), ARGS_MAX_TOKENS, input.seed + 2 * i + 1);
    if (argsText === null) return finish('stopped', '', null);
    const parsed = parseArgs(argsText, choice);
    if (!parsed.ok) {
      record({ kind: 'invalid', tool: null, args: null, summary: parsed.problem, ms: performance.now() - started });
      pending = invalidStepPrompt(parsed.problem);
      continue;
    }
    const d = parsed.value;
    used.set(name, (used.get(name) ?? 0) + 1);
    if (d.action === 'tool') {
      const out = d.tool.run(ctx, d.args);
      record({ kind: 'tool', tool: d.tool.name, args: JSON.stringify(d.args), summary: out.summary, ms: performance.now() - started });
      pending = toolResultPrompt(d.tool.name, out.text, fence);
    } else if (d.action === 'propose') {
      const proposal = makeProposal(d.kind, d.args);
      proposals.push(proposal);
      record({ kind: 'proposal', tool: d.kind, args: JSON.stringify(d.args), summary: proposal.summary, ms: performance.now() - started });
      pending = 'The card is shown to the user.';
    }
  }
  const askAnswer = answerPrompt(input.question, answerFocus(ranked));
  if (answered) messages.push({ role: 'user', text: askAnswer });
  else {
    record({ kind: 'limit', tool: null, args: null, summary: `Step limit of ${input.maxSteps} reached; answering with what was gathered.`, ms: 0 });
    messages.push({ role: 'user', text: `${pending}\n${LIMIT_PROMPT}${askAnswer}` });
  }
  const answer = await model.generate({ messages, jsonSchema: null, prose: true, maxTokens: ANSWER_MAX_TOKENS, temperature: 0.2, seed: input.seed }, input.onToken, input.signal);
  return finish(answer.stopReason === 'stopped' ? 'stopped' : 'done', answer.text.trim(), answer.stats);
}
