import { z } from 'zod';
import { DeviceInfo, GenerationStats, ModelFile } from '../../../../src-shared/domain/copilot-models';

/** One message of a conversation as the model host receives it. */
export const ChatTurn = z.object({ role: z.enum(['system', 'user', 'model']), text: z.string() });
export type ChatTurn = z.infer<typeof ChatTurn>;

export const GenerateRequest = z.object({
  messages: z.array(ChatTurn).min(1),
  /** A JSON schema in node-llama-cpp's grammar subset; the output is then constrained to it. */
  jsonSchema: z.unknown().nullable(),
  maxTokens: z.number().int().min(1).max(8192),
  temperature: z.number().min(0).max(2),
  seed: z.number().int().nullable(),
  /** Prose: tokens containing { or } are never sampled and repeats are mildly penalised (ignored with a jsonSchema). */
  prose: z.boolean().optional(),
});
export type GenerateRequest = z.infer<typeof GenerateRequest>;

export const LoadRequest = z.object({ path: z.string(), contextSize: z.number().int().min(256).max(131072) });

/** Engine → host. `id` pairs each request with its result. */
export const ToHost = z.discriminatedUnion('type', [
  z.object({ type: z.literal('scan'), id: z.number(), dir: z.string() }),
  z.object({ type: z.literal('load'), id: z.number(), request: LoadRequest }),
  z.object({ type: z.literal('unload'), id: z.number() }),
  z.object({ type: z.literal('generate'), id: z.number(), request: GenerateRequest }),
  z.object({ type: z.literal('stop'), id: z.number(), target: z.number() }),
  z.object({ type: z.literal('device'), id: z.number() }),
]);
export type ToHost = z.infer<typeof ToHost>;

export const StopReason = z.enum(['eos', 'max_tokens', 'stopped']);
export type StopReason = z.infer<typeof StopReason>;

export const GenerateResult = z.object({ text: z.string(), stopReason: StopReason, stats: GenerationStats });
export type GenerateResult = z.infer<typeof GenerateResult>;

export const LoadResult = z.object({
  gpuLayers: z.number().int(),
  contextSize: z.number().int(),
  loadMs: z.number(),
  /** Tokens of the sequence state restored from the last run of the host (the system prompt evaluated then); 0: none. */
  restoredTokens: z.number().int().optional(),
});
export type LoadResult = z.infer<typeof LoadResult>;

export const ScanResult = z.array(ModelFile);

/** Host → engine. */
export const FromHost = z.discriminatedUnion('type', [
  z.object({ type: z.literal('ready'), device: DeviceInfo }),
  z.object({ type: z.literal('progress'), id: z.number(), progress: z.number() }),
  z.object({ type: z.literal('chunk'), id: z.number(), text: z.string() }),
  z.object({ type: z.literal('result'), id: z.number(), value: z.unknown() }),
  z.object({ type: z.literal('failure'), id: z.number(), error: z.string() }),
]);
export type FromHost = z.infer<typeof FromHost>;
