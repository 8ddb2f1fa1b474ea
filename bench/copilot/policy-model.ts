import type { ModelPort } from '../../src-main/services/copilot/agent/model-port';
import type { ChatTurn, GenerateRequest } from '../../src-main/services/llm/host/host-protocol';

/** A fixed answer of about 40 tokens: what is generated is not read, only its length matters little here. */
const ANSWER =
  'The run failed in its first task after the source refused connections [R1]; it failed the same way before [R2]. Check the source, then clear the task.';
const TOOL_CALLS = 2;

/**
 * A stand-in model for counting prompt tokens: it calls the first offered tool with the drafted arguments until
 * it has called two, then answers. It records every prompt it was sent.
 */
export class PolicyModel implements ModelPort {
  readonly prompts: ChatTurn[][] = [];
  private calls = 0;

  async generate(request: GenerateRequest, onChunk: (text: string) => void) {
    this.prompts.push([...request.messages]);
    const stats = { tokens: 1, tokensPerSecond: 1, firstTokenMs: 0, totalMs: 0 };
    const offered = (request.jsonSchema as { properties?: { tool?: { enum?: string[] } } } | null)?.properties?.tool?.enum;
    if (offered !== undefined) {
      const tool =
        this.calls >= TOOL_CALLS && offered.includes('answer')
          ? 'answer'
          : (offered.find((n) => n !== 'answer' && !n.startsWith('propose_')) ?? 'answer');
      if (tool !== 'answer') this.calls += 1;
      return { text: JSON.stringify({ tool }), stopReason: 'eos' as const, stats };
    }
    if (request.jsonSchema !== null) {
      const drafted = /Drafted: (\{.*\})$/.exec(request.messages.at(-1)?.text ?? '')?.[1];
      return { text: drafted ?? '{}', stopReason: 'eos' as const, stats };
    }
    this.calls = 0;
    onChunk(ANSWER);
    return { text: ANSWER, stopReason: 'eos' as const, stats };
  }
}
