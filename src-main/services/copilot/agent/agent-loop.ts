import type {
  ActionKind,
  ActionProposal,
  AgentStep,
  Citation,
  ClaimCheckRecord,
  CopilotContext,
  TurnState,
} from '../../../../src-shared/domain/copilot';
import type { GenerationStats } from '../../../../src-shared/domain/copilot-models';
import type { FailureBrief } from '../../../../src-shared/domain/failure-brief';
import type { ChatTurn } from '../../llm/host/host-protocol';
import { briefAnswerText } from '../brief/brief-answer';
import { briefLines } from '../brief/brief-lines';
import { briefTarget } from '../brief/brief-target';
import { checkClaims } from '../claims/claim-check';
import { Evidence } from '../claims/claim-evidence';
import { CheckedStream } from '../claims/checked-stream';
import type { CopilotTool, ToolContext } from '../tools/tool-types';
import { requestedActions } from './action-intent';
import { answerFocus } from './answer-focus';
import { CitationRegistry } from './citation-registry';
import type { Narrowing } from './grammar-schema';
import { linkMentions } from './link-mentions';
import type { ModelPort } from './model-port';
import { nothingFoundAnswer } from './nothing-found';
import { answerPrompt, briefPrompt, DataFence, LIMIT_PROMPT, questionPrompt, systemPrompt } from './prompt';
import { latestFailedRun, resolveQuestion } from './question-entities';
import { runToolSteps } from './tool-steps';
import { rankTools } from './tool-ranking';

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
  /** The failure brief of one run (no model); absent: no brief comes first. */
  readonly brief?: (dagId: string, runId: string) => FailureBrief | null;
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
  /** Claims of the model's answer found nowhere in this turn's data (shown marked); empty without a model. */
  readonly unsupported: ClaimCheckRecord['unsupported'];
}

/** Two to six short sentences need well under this; more is a small model rambling (250 s at 700 tokens on a busy 2-core CPU). */
const ANSWER_MAX_TOKENS = 400;

const NO_MODEL_NO_BRIEF =
  'No model is loaded, and this question names no failed run for the failure brief to explain. ' +
  'Ask about a failed run ("why did <dag> fail?", or Explain on a failed run), or load a model for open questions.';

/** A brief worth showing: the run failed, or a task of it did. */
const failed = (b: FailureBrief | null): b is FailureBrief => b !== null && (b.run.state === 'failed' || b.failedTask !== null);

/**
 * One question, answered facts first. The question's ids, runs and days are resolved in the cache; for a "why did
 * it fail / what changed / what is downstream / did it happen before" question (or Explain) the failure brief of
 * the run is assembled without any model and shown at once as the turn's first step; without a model it is the
 * answer. With a model, an open question is investigated with tools the model chooses; a brief question goes
 * straight to the prose. The prose streams sentence by sentence, each claim checked against what this turn read.
 */
export async function runTurn(model: ModelPort | null, input: TurnInput): Promise<TurnResult> {
  const fence = new DataFence();
  const allowed = requestedActions(input.question);
  const citations = new CitationRegistry();
  const { db, envId, asOf } = input.toolContext;
  const ctx: ToolContext = { ...input.toolContext, cite: (t) => citations.cite(t) };
  const entities = resolveQuestion(db, envId, asOf, input.question, input.context);
  const steps: AgentStep[] = [];
  let proposals: ActionProposal[] = [];
  const record = (step: Omit<AgentStep, 'index'>) => {
    const full = { ...step, index: steps.length + 1 };
    steps.push(full);
    input.onStep(full);
  };
  const finish = (
    state: TurnResult['state'],
    text: string,
    stats: GenerationStats | null,
    unsupported: TurnResult['unsupported'] = [],
  ): TurnResult => {
    const linked = state === 'done' ? linkMentions(text, citations.list()) : { text, added: [] };
    return { state, text: linked.text, citations: citations.list(), proposals, steps, stats, allowed, linked: linked.added, unsupported };
  };

  /** A deterministic answer (the brief, "nothing found") streams like prose: line by line. */
  const shown = (text: string): string => {
    for (const line of text.split(/(?<=\n)/)) input.onToken(line);
    return text;
  };

  // Facts first: the brief, from the cache alone.
  const evidence: string[] = [
    asOf,
    input.envName,
    ...[entities.dagId, entities.runId, entities.taskId, entities.asset].filter((v) => v !== null),
  ];
  const target =
    input.brief === undefined
      ? null
      : briefTarget(input.question, input.context, entities, (dagId) => latestFailedRun(db, envId, dagId, asOf));
  const started = performance.now();
  const brief = target === null || input.brief === undefined ? null : input.brief(target.dagId, target.runId);
  const lines = failed(brief) ? briefLines(brief, ctx.cite) : null;
  if (failed(brief) && lines !== null) {
    evidence.push(lines.join('\n'), JSON.stringify(brief));
    const task = brief.failedTask === null ? 'no task failed' : `${brief.failedTask.taskId} failed`;
    record({
      kind: 'brief',
      tool: 'failure_brief',
      args: JSON.stringify(target),
      summary: `${brief.dagId}: ${task}`,
      ms: performance.now() - started,
      brief,
    });
  }
  if (model === null) return finish('done', shown(lines === null ? NO_MODEL_NO_BRIEF : briefAnswerText(lines)), null);

  const ranked = rankTools(input.tools, input.question, entities);
  const messages: ChatTurn[] = [
    { role: 'system', text: systemPrompt({ envName: input.envName, asOf, tools: input.tools, allowed, fence, maxSteps: input.maxSteps }) },
    ...input.history,
  ];
  const askAnswer = answerPrompt(input.question, answerFocus(ranked));
  if (lines !== null) {
    // The brief answers it: no tool steps, the model writes the prose over the brief.
    messages.push({ role: 'user', text: `${briefPrompt(input.question, lines, fence)}\n${askAnswer}` });
  } else {
    const investigated = await runToolSteps(
      {
        model,
        messages,
        tools: input.tools,
        ranked,
        entities,
        allowed,
        narrow: input.narrow,
        ctx,
        fence,
        maxSteps: input.maxSteps,
        seed: input.seed,
        signal: input.signal,
        citationCount: () => citations.list().length,
        record,
      },
      questionPrompt(input.question, input.context, fence),
    );
    proposals = investigated.proposals;
    evidence.push(...investigated.results);
    if (investigated.outcome === 'stopped') return finish('stopped', '', null);
    if (investigated.results.length > 0 && investigated.found === 0 && proposals.length === 0)
      return finish('done', shown(nothingFoundAnswer(steps)), null);
    if (investigated.outcome === 'answer') messages.push({ role: 'user', text: askAnswer });
    else {
      record({
        kind: 'limit',
        tool: null,
        args: null,
        summary: `Step limit of ${input.maxSteps} reached; answering with what was gathered.`,
        ms: 0,
      });
      messages.push({ role: 'user', text: `${investigated.pending}\n${LIMIT_PROMPT}${askAnswer}` });
    }
  }
  const facts = new Evidence(evidence);
  const stream = new CheckedStream(facts, input.onToken);
  const answer = await model.generate(
    { messages, jsonSchema: null, prose: true, maxTokens: ANSWER_MAX_TOKENS, temperature: 0.2, seed: input.seed },
    (chunk) => stream.push(chunk),
    input.signal,
  );
  if (answer.stopReason === 'stopped') return finish('stopped', stream.finish(), answer.stats);
  stream.finish();
  const prose = answer.text.trim();
  // A model that wrote nothing leaves the brief as the answer.
  const written = prose.length === 0 && lines !== null ? shown(briefAnswerText(lines)) : prose;
  const check = checkClaims(written, facts);
  const unsupported = check.unsupported.map((c) => ({ kind: c.kind, text: c.text }));
  const list = unsupported.map((c) => c.text).join(', ');
  record({
    kind: 'check',
    tool: null,
    args: null,
    ms: 0,
    summary:
      unsupported.length === 0
        ? `${check.claims.length} claims checked: all found in this turn's data`
        : `${check.claims.length} claims checked: ${unsupported.length} not found in the data (${list})`,
    claims: { checked: check.claims.length, unsupported },
  });
  return finish('done', check.text, answer.stats, unsupported);
}
