import type { ModelPort } from '../../src-main/services/copilot/agent/model-port';
import type { GenerateRequest, GenerateResult } from '../../src-main/services/llm/host/host-protocol';

/** One generation of a turn, as the eval sees it. */
export interface Generation {
  readonly kind: 'choice' | 'args' | 'prose';
  /** For a choice: the names offered (tools, "answer", proposals). */
  readonly offered: readonly string[];
  readonly output: string;
  /** Tokens of the messages this generation added to the previous one's (what the model had to read anew). */
  readonly newPromptTokens: number;
  /** Tokens of every message of the request. */
  readonly promptTokens: number;
  readonly generatedTokens: number;
}

/** Counts tokens of a text: the model's own tokenizer where it could be loaded, else about 3.6 characters a token. */
export type TokenCounter = (text: string) => number;
export const roughTokens: TokenCounter = (text) => Math.ceil(text.length / 3.6);

/** ChatML wraps every message in about this many tokens of markers. */
const PER_MESSAGE = 5;

function offeredNames(schema: unknown): string[] | null {
  const tool = (schema as { properties?: { tool?: { enum?: unknown } } } | null)?.properties?.tool?.enum;
  return Array.isArray(tool) && tool.every((t) => typeof t === 'string') ? (tool as string[]) : null;
}

/** A seeded choice among the offered tools, the same sequence for the same seed. */
export function seededPicker(seed: number): (names: readonly string[]) => string {
  let state = seed >>> 0 || 1;
  return (names) => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return names[state % names.length] ?? names[0] ?? '';
  };
}

/**
 * A model port that records what each generation read and wrote; with `pick`, every choice
 * step is decided by it instead of the model (the random-choice baseline: a random tool of
 * those offered at the first step, a random offered choice after), while arguments and prose stay the model's.
 */
export class RecordingPort implements ModelPort {
  readonly generations: Generation[] = [];
  /** The text of every user message the turn sent: the question and the tool results. */
  readonly seen: string[] = [];
  private readMessages = 0;

  constructor(
    private readonly inner: ModelPort,
    private readonly count: TokenCounter,
    private readonly pick: ((names: readonly string[]) => string) | null = null,
  ) {}

  async generate(request: GenerateRequest, onChunk: (text: string) => void, signal: AbortSignal): Promise<GenerateResult> {
    const tokens = (from: number) => request.messages.slice(from).reduce((a, m) => a + this.count(m.text) + PER_MESSAGE, 0);
    const fresh = Math.min(this.readMessages, request.messages.length);
    const newPromptTokens = tokens(fresh);
    const promptTokens = tokens(0);
    const last = request.messages.at(-1);
    if (last?.role === 'user') this.seen.push(last.text);
    const offered = request.jsonSchema === null ? null : offeredNames(request.jsonSchema);
    const kind: Generation['kind'] = request.jsonSchema === null ? 'prose' : offered !== null ? 'choice' : 'args';
    let result: GenerateResult;
    if (kind === 'choice' && offered !== null && this.pick !== null) {
      const tools = offered.filter((n) => n !== 'answer' && !n.startsWith('propose_'));
      // The first choice among the tools only; later ones may answer too, as the model may.
      const among = this.generations.some((g) => g.kind === 'choice') ? offered.filter((n) => !n.startsWith('propose_')) : tools;
      const text = JSON.stringify({ tool: this.pick(among.length > 0 ? among : offered) });
      result = { text, stopReason: 'eos', stats: { tokens: 0, tokensPerSecond: 0, firstTokenMs: null, totalMs: 0 } };
    } else {
      result = await this.inner.generate(request, onChunk, signal);
    }
    // The agent appends the model's reply to its messages; the next request re-reads nothing before it.
    this.readMessages = request.messages.length + 1;
    this.generations.push({
      kind,
      offered: offered ?? [],
      output: result.text,
      newPromptTokens,
      promptTokens,
      generatedTokens: result.stats.tokens,
    });
    return result;
  }
}
