import type { ModelPort } from '../../../src-main/services/copilot/agent/model-port';
import type { GenerateRequest, GenerateResult } from '../../../src-main/services/llm/host/host-protocol';

/** A stand-in model that replies from a script (JSON steps), then streams a fixed answer in chunks. */
export class ScriptedModel implements ModelPort {
  readonly requests: GenerateRequest[] = [];
  private step = 0;

  constructor(
    private readonly steps: readonly (string | ((request: GenerateRequest) => string))[],
    private readonly answer = 'The load failed because pricing-db.internal refused connections [R1].',
  ) {}

  async generate(request: GenerateRequest, onChunk: (text: string) => void): Promise<GenerateResult> {
    this.requests.push({ ...request, messages: [...request.messages] });
    const stats = { tokens: 3, tokensPerSecond: 30, firstTokenMs: 1, totalMs: 10 };
    if (request.jsonSchema !== null) {
      const next = this.steps[Math.min(this.step++, this.steps.length - 1)] ?? '{"action":"answer"}';
      return { text: typeof next === 'function' ? next(request) : next, stopReason: 'eos', stats };
    }
    for (const word of this.answer.split(/(?<= )/)) onChunk(word);
    return { text: this.answer, stopReason: 'eos', stats };
  }
}
