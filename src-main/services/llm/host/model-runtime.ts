import type {
  ChatHistoryItem,
  GbnfJsonOneOfSchema,
  Llama,
  LlamaChatSession,
  LlamaContext,
  LlamaContextSequence,
  LlamaGrammar,
  LlamaModel,
  TokenBias,
} from 'node-llama-cpp';
import type { DeviceInfo } from '../../../../src-shared/domain/copilot-models';
import { describeDevice } from './device-info';
import { describeLoadError, ggufProblem } from './gguf-check';
import type { ChatTurn, GenerateRequest, GenerateResult, LoadResult, StopReason } from './host-protocol';
import { loadLlamaLib, type LlamaLib } from './llama-lib';
import { completenessProblem, scanModels } from './model-scan';
import { proseBias } from './prose-bias';
import { SequenceStateFile } from './sequence-state';

export interface RuntimeOptions {
  /** 'cpu' forces the CPU build (tests, or a GPU that misbehaves). */
  readonly gpu: 'auto' | 'cpu';
  /** Threads for the CPU math; 0 means node-llama-cpp's count of physical cores. */
  readonly threads: number;
  /** Where the evaluated system-prompt state is kept across restarts of the host; null: not kept. */
  readonly stateDir?: string | null;
}

interface Loaded {
  readonly model: LlamaModel;
  readonly context: LlamaContext;
  readonly session: LlamaChatSession;
  readonly sequence: LlamaContextSequence;
  readonly state: SequenceStateFile | null;
  /** Built on the first prose request. */
  prose: TokenBias | null;
}

/** Mild: ids (runs, tasks) legitimately repeat in an answer. */
const PROSE_REPEAT_PENALTY = { lastTokens: 64, penalty: 1.1, frequencyPenalty: 0.05, presencePenalty: 0.05 } as const;

/** getLlama with automatic GPU detection, falling back to the CPU build (never compiles, never downloads). */
async function startLlama(lib: LlamaLib, gpu: RuntimeOptions['gpu']): Promise<{ llama: Llama; fallback: string | null }> {
  const common = { build: 'never', logLevel: lib.LlamaLogLevel.error, progressLogs: false } as const;
  if (gpu === 'cpu') return { llama: await lib.getLlama({ ...common, gpu: false }), fallback: 'CPU chosen in settings' };
  try {
    const llama = await lib.getLlama({ ...common, gpu: 'auto' });
    return { llama, fallback: llama.gpu === false ? 'no supported GPU found' : null };
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    return { llama: await lib.getLlama({ ...common, gpu: false }), fallback: `GPU build unusable: ${why}` };
  }
}

function toHistory(turns: readonly ChatTurn[]): ChatHistoryItem[] {
  return turns.map((t): ChatHistoryItem => {
    if (t.role === 'system') return { type: 'system', text: t.text };
    if (t.role === 'user') return { type: 'user', text: t.text };
    return { type: 'model', response: [t.text] };
  });
}

function stopReasonOf(reason: string, aborted: boolean): StopReason {
  if (aborted || reason === 'abort') return 'stopped';
  return reason === 'maxTokens' ? 'max_tokens' : 'eos';
}

/** node-llama-cpp behind four verbs: scan, load, unload, generate. One model at a time. */
export class ModelRuntime {
  private loaded: Loaded | null = null;
  private readonly grammars = new Map<string, LlamaGrammar>();

  private constructor(
    private readonly lib: LlamaLib,
    private readonly llama: Llama,
    private readonly threads: number,
    readonly device: DeviceInfo,
    private readonly stateDir: string | null,
  ) {}

  static async start(options: RuntimeOptions): Promise<ModelRuntime> {
    const lib = await loadLlamaLib();
    const { llama, fallback } = await startLlama(lib, options.gpu);
    const threads = options.threads > 0 ? options.threads : llama.cpuMathCores;
    return new ModelRuntime(lib, llama, threads, await describeDevice(llama, threads, fallback), options.stateDir ?? null);
  }

  scan(dir: string) {
    return scanModels(this.lib, this.llama, dir);
  }

  async load(path: string, contextSize: number, onProgress: (progress: number) => void): Promise<LoadResult> {
    await this.unload();
    const problem = (await ggufProblem(path)) ?? (await completenessProblem(this.lib, this.llama, path));
    if (problem !== null) throw new Error(problem);
    const started = performance.now();
    let model: LlamaModel;
    try {
      model = await this.llama.loadModel({ modelPath: path, gpuLayers: 'auto', onLoadProgress: onProgress });
    } catch (error) {
      throw new Error(describeLoadError(error));
    }
    try {
      const context = await model.createContext({ contextSize: Math.min(contextSize, model.trainContextSize), threads: this.threads });
      const sequence = context.getSequence();
      // The system prompt as the last run of the host evaluated it: the first question then need not read it again.
      const state = SequenceStateFile.for(this.stateDir, path, context.contextSize);
      const restoredTokens = state === null ? 0 : await state.restore(sequence);
      const session = new this.lib.LlamaChatSession({ contextSequence: sequence, autoDisposeSequence: false });
      this.loaded = { model, context, session, sequence, state, prose: null };
      return { gpuLayers: model.gpuLayers, contextSize: context.contextSize, loadMs: performance.now() - started, restoredTokens };
    } catch (error) {
      await model.dispose();
      throw new Error(describeLoadError(error));
    }
  }

  async unload(): Promise<void> {
    const loaded = this.loaded;
    this.loaded = null;
    this.grammars.clear();
    if (loaded === null) return;
    loaded.session.dispose();
    await loaded.context.dispose();
    await loaded.model.dispose();
  }

  private async grammarFor(schema: unknown): Promise<LlamaGrammar> {
    const key = JSON.stringify(schema);
    const cached = this.grammars.get(key);
    if (cached) return cached;
    // Always a oneOf at the top: one concrete schema type for node-llama-cpp's generic signature.
    const wrapped: GbnfJsonOneOfSchema = { oneOf: [schema as GbnfJsonOneOfSchema['oneOf'][number]] };
    const grammar = await this.llama.createGrammarForJsonSchema(wrapped);
    this.grammars.set(key, grammar);
    return grammar;
  }

  async generate(request: GenerateRequest, onChunk: (text: string) => void, signal: AbortSignal): Promise<GenerateResult> {
    const loaded = this.loaded;
    if (loaded === null) throw new Error('No model is loaded.');
    const last = request.messages.at(-1);
    if (last?.role !== 'user') throw new Error("The last message must be the user's.");
    const grammar = request.jsonSchema === null ? undefined : await this.grammarFor(request.jsonSchema);
    const prose = grammar === undefined && request.prose === true;
    loaded.session.setChatHistory(toHistory(request.messages.slice(0, -1)));
    const started = performance.now();
    let firstAt: number | null = null;
    let tokens = 0;
    const result = await loaded.session.promptWithMeta(last.text, {
      grammar,
      // Prose only: no braces, and a mild repeat penalty (a small model otherwise loops on a log line or a timestamp).
      ...(prose ? { tokenBias: (loaded.prose ??= proseBias(this.lib, loaded.model)), repeatPenalty: PROSE_REPEAT_PENALTY } : {}),
      maxTokens: request.maxTokens,
      temperature: request.temperature,
      ...(request.seed === null ? {} : { seed: request.seed }),
      signal,
      stopOnAbortSignal: true,
      onToken: (chunk) => {
        firstAt ??= performance.now();
        tokens += chunk.length;
      },
      onTextChunk: onChunk,
    });
    const ended = performance.now();
    if (!signal.aborted) await loaded.state?.saveOnce(loaded.sequence);
    const decodeMs = firstAt === null ? 0 : ended - firstAt;
    return {
      text: result.responseText,
      stopReason: stopReasonOf(result.stopReason, signal.aborted),
      stats: {
        tokens,
        tokensPerSecond: decodeMs > 0 && tokens > 1 ? ((tokens - 1) * 1000) / decodeMs : 0,
        firstTokenMs: firstAt === null ? null : firstAt - started,
        totalMs: ended - started,
      },
    };
  }
}
