import type { ModelPort } from '../../../src-main/services/copilot/agent/model-port';
import type { GenerateRequest, GenerateResult } from '../../../src-main/services/llm/host/host-protocol';

/** Whether a constrained request is the choice of a step ({"tool": enum}) rather than a tool's arguments. */
function isChoice(schema: unknown): boolean {
  const props = (schema as { properties?: { tool?: { enum?: unknown } } } | null)?.properties;
  return Array.isArray(props?.tool?.enum);
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

  constructor(
    private readonly steps: readonly (string | ((request: GenerateRequest) => string))[],
    private readonly answer = 'The load failed because pricing-db.internal refused connections [R1].',
  ) {}

  async generate(request: GenerateRequest, onChunk: (text: string) => void): Promise<GenerateResult> {
    this.requests.push({ ...request, messages: [...request.messages] });
    const stats = { tokens: 3, tokensPerSecond: 30, firstTokenMs: 1, totalMs: 10 };
    if (request.jsonSchema !== null) {
      if (!isChoice(request.jsonSchema)) return { text: this.pendingArgs ?? '{}', stopReason: 'eos', stats };
      const next = this.steps[Math.min(this.step++, this.steps.length - 1)] ?? '{"action":"answer"}';
      const { choice, args } = splitDecision(typeof next === 'function' ? next(request) : next);
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
