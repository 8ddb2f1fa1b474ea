import type { ActionKind, ActionProposal, AgentStep } from '../../../../src-shared/domain/copilot';
import type { ChatTurn } from '../../llm/host/host-protocol';
import type { CopilotTool, ToolContext } from '../tools/tool-types';
import { ANSWER_CHOICE, argsSchema, choiceSchema, parseArgs, parseChoice, type Choice } from './decision';
import type { Narrowing } from './grammar-schema';
import type { ModelPort } from './model-port';
import { argsPrompt, choicePrompt, invalidStepPrompt, toolResultPrompt, type DataFence } from './prompt';
import { makeProposal, proposalArgs } from './proposals';
import type { QuestionEntities } from './question-entities';
import { offeredChoices } from './step-offer';
import { draftArgs, type RankedTool } from './tool-ranking';

const CHOICE_MAX_TOKENS = 40;
const ARGS_MAX_TOKENS = 400;

export interface ToolStepsInput {
  readonly model: ModelPort;
  readonly messages: ChatTurn[];
  readonly tools: readonly CopilotTool[];
  readonly ranked: readonly RankedTool[];
  readonly entities: QuestionEntities;
  readonly allowed: readonly ActionKind[];
  readonly narrow: Narrowing;
  readonly ctx: ToolContext;
  readonly fence: DataFence;
  readonly maxSteps: number;
  readonly seed: number;
  readonly signal: AbortSignal;
  /** Citations registered so far: a tool that registers none found nothing. */
  readonly citationCount: () => number;
  record(step: Omit<AgentStep, 'index'>): void;
}

export interface ToolStepsResult {
  readonly outcome: 'answer' | 'limit' | 'stopped';
  /** The text the next user message starts with (the last tool result) when the step limit was reached. */
  readonly pending: string;
  readonly proposals: ActionProposal[];
  /** Each tool's result text, as the model read it: the evidence its answer is checked against. */
  readonly results: string[];
  /** Tool calls that found something (registered a citation). */
  readonly found: number;
}

/**
 * The open-question investigation: at most maxSteps times the model chooses (under a grammar: an enum of the
 * ranked short list, "answer", and the proposals the person asked for) and fills the chosen tool's arguments
 * (under that tool's own schema, drafted from the resolved ids); every call is validated again before it runs.
 */
export async function runToolSteps(input: ToolStepsInput, firstMessage: string): Promise<ToolStepsResult> {
  const { model, messages, tools, ranked, allowed, ctx, fence, signal } = input;
  const proposals: ActionProposal[] = [];
  const results: string[] = [];
  const used = new Map<string, number>();
  let found = 0;
  const described = new Set<string>();
  const generate = async (jsonSchema: unknown, maxTokens: number, seed: number): Promise<string | null> => {
    const out = await model.generate({ messages, jsonSchema, maxTokens, temperature: 0, seed }, () => undefined, signal);
    if (out.stopReason === 'stopped' || signal.aborted) return null;
    messages.push({ role: 'model', text: out.text });
    return out.text;
  };
  const stopped = (): ToolStepsResult => ({ outcome: 'stopped', pending: '', proposals, results, found });
  let pending = firstMessage;
  for (let i = 0; i < input.maxSteps; i++) {
    if (signal.aborted) return stopped();
    const started = performance.now();
    const offer = offeredChoices(
      ranked,
      used,
      allowed,
      proposals.map((p) => p.kind),
    );
    if (offer.length === 1 && offer[0]?.name === ANSWER_CHOICE) return { outcome: 'answer', pending, proposals, results, found };
    messages.push({ role: 'user', text: `${pending}\n${choicePrompt(offer, tools, described)}` });
    const chosenText = await generate(choiceSchema(offer.map((o) => o.name)), CHOICE_MAX_TOKENS, input.seed + 2 * i);
    if (chosenText === null) return stopped();
    const chosen = parseChoice(
      chosenText,
      offer.map((o) => o.name),
      tools,
      allowed,
    );
    if (!chosen.ok) {
      input.record({ kind: 'invalid', tool: null, args: null, summary: chosen.problem, ms: performance.now() - started });
      pending = invalidStepPrompt(chosen.problem);
      continue;
    }
    if (chosen.value.action === 'answer') return { outcome: 'answer', pending, proposals, results, found };
    const choice: Exclude<Choice, { action: 'answer' }> = chosen.value;
    const name = choice.action === 'tool' ? choice.tool.name : choice.kind;
    const draft =
      choice.action === 'tool'
        ? (ranked.find((r) => r.tool === choice.tool)?.draft ?? {})
        : draftArgs(proposalArgs[choice.kind], input.entities);
    messages.push({ role: 'user', text: argsPrompt(name, draft) });
    const argsText = await generate(argsSchema(choice, input.narrow), ARGS_MAX_TOKENS, input.seed + 2 * i + 1);
    if (argsText === null) return stopped();
    const parsed = parseArgs(argsText, choice);
    if (!parsed.ok) {
      input.record({ kind: 'invalid', tool: null, args: null, summary: parsed.problem, ms: performance.now() - started });
      pending = invalidStepPrompt(parsed.problem);
      continue;
    }
    const d = parsed.value;
    used.set(name, (used.get(name) ?? 0) + 1);
    if (d.action === 'tool') {
      const before = input.citationCount();
      const out = d.tool.run(ctx, d.args);
      if (input.citationCount() > before) found += 1;
      results.push(out.text);
      input.record({
        kind: 'tool',
        tool: d.tool.name,
        args: JSON.stringify(d.args),
        summary: out.summary,
        ms: performance.now() - started,
      });
      pending = toolResultPrompt(d.tool.name, out.text, fence);
    } else if (d.action === 'propose') {
      const proposal = makeProposal(d.kind, d.args);
      proposals.push(proposal);
      input.record({
        kind: 'proposal',
        tool: d.kind,
        args: JSON.stringify(d.args),
        summary: proposal.summary,
        ms: performance.now() - started,
      });
      pending = 'The card is shown to the user.';
    }
  }
  return { outcome: 'limit', pending, proposals, results, found };
}
