import type { ModelPort } from '../../../src-main/services/copilot/agent/model-port';
import type { GenerateRequest, GenerateResult } from '../../../src-main/services/llm/host/host-protocol';

/** The names a step's choice grammar offers ({"tool": enum}); null when the request asks for something else (a tool's arguments). */
export function offeredNames(schema: unknown): string[] | null {
  const values = (schema as { properties?: { tool?: { enum?: unknown } } } | null)?.properties?.tool?.enum;
  return Array.isArray(values) ? values.map(String) : null;
}

function isChoice(schema: unknown): boolean {
  return offeredNames(schema) !== null;
}

/** Tools that need no arguments: a script can call whichever of them a step offers. */
const NO_ARGUMENT_TOOLS = ['list_failures', 'error_patterns', 'anomalies_and_risks'];

/**
 * A script step that answers as soon as "answer" is offered and, until then, calls an offered tool
 * that needs no arguments (a question that points at tools is not offered "answer" before one ran).
 */
export function answerWhenOffered(request: GenerateRequest): string {
  const offered = offeredNames(request.jsonSchema) ?? [];
  if (offered.includes('answer')) return '{"action":"answer"}';
  const tool = NO_ARGUMENT_TOOLS.find((name) => offered.includes(name)) ?? offered[0];
  return JSON.stringify({ action: 'tool', tool, args: {} });
}

/**
 * Splits one scripted decision into the two replies of a step: the choice
 * ({"tool":"get_run"}, {"tool":"answer"}, {"tool":"propose_pause_dag"}) and
 * then its arguments. Text that is not such a decision is replied as it is.
 */
function splitDecision(text: string): { choice: string; args: string | null } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { choice: text, args: null };
  }
  const d = value as { action?: string; tool?: string; kind?: string; args?: unknown };
  if (d.action === 'tool') return { choice: JSON.stringify({ tool: d.tool }), args: JSON.stringify(d.args ?? {}) };
  if (d.action === 'answer') return { choice: '{"tool":"answer"}', args: null };
  if (d.action === 'propose') {
    const { action: _a, kind, ...rest } = d;
    return { choice: JSON.stringify({ tool: `propose_${kind}` }), args: JSON.stringify(rest) };
  }
  return { choice: text, args: null };
}

/**
 * A stand-in model that replies from a script, then streams a fixed answer in
 * chunks. Each script entry is one whole decision ({"action":"tool","tool":…,"args":…},
 * {"action":"answer"}, {"action":"propose","kind":…,…}), replied as the agent asks for it:
 * the choice first, the arguments at the next request.
 */
export class ScriptedModel implements ModelPort {
  readonly requests: GenerateRequest[] = [];
  private step = 0;
  private pendingArgs: string | null = null;

  /**
   * Like a real model under a JSON-schema grammar, a scripted choice outside the step's enum is
   * impossible: it throws, so no test passes on a choice the agent never offered. Tests of the
   * agent's own re-validation (a model that slips past its grammar) pass `{ ignoreGrammar: true }`.
   */
  constructor(
    private readonly steps: readonly (string | ((request: GenerateRequest) => string))[],
    private readonly answer = 'The load failed because pricing-db.internal refused connections [R1].',
    private readonly options: { followGrammar?: boolean } = {},
  ) {}

  async generate(request: GenerateRequest, onChunk: (text: string) => void): Promise<GenerateResult> {
    this.requests.push({ ...request, messages: [...request.messages] });
    const stats = { tokens: 3, tokensPerSecond: 30, firstTokenMs: 1, totalMs: 10 };
    if (request.jsonSchema !== null) {
      if (!isChoice(request.jsonSchema)) return { text: this.pendingArgs ?? '{}', stopReason: 'eos', stats };
      const next = this.steps[Math.min(this.step++, this.steps.length - 1)] ?? '{"action":"answer"}';
      const { choice, args } = splitDecision(typeof next === 'function' ? next(request) : next);
      const offered = offeredNames(request.jsonSchema) ?? [];
      const name = (() => {
        try {
          return (JSON.parse(choice) as { tool?: unknown }).tool;
        } catch {
          return undefined;
        }
      })();
      if (this.options.followGrammar !== false && (typeof name !== 'string' || !offered.includes(name))) {
        throw new Error(`The script chose ${choice} but the grammar offered only ${offered.join(', ')}`);
      }
      this.pendingArgs = args;
      return { text: choice, stopReason: 'eos', stats };
    }
    for (const word of this.answer.split(/(?<= )/)) onChunk(word);
    return { text: this.answer, stopReason: 'eos', stats };
  }

  /** The requests that asked for a step's choice. */
  choiceRequests(): GenerateRequest[] {
    return this.requests.filter((r) => isChoice(r.jsonSchema));
  }
}
