import { z } from 'zod';

/** Where the model runs: a GPU backend node-llama-cpp detected, or the CPU. */
export const ComputeBackend = z.enum(['cuda', 'vulkan', 'metal', 'cpu']);
export type ComputeBackend = z.infer<typeof ComputeBackend>;

export const DeviceInfo = z.object({
  backend: ComputeBackend,
  gpuNames: z.array(z.string()),
  vramTotalBytes: z.number().nullable(),
  vramFreeBytes: z.number().nullable(),
  threads: z.number().int(),
  /** One sentence for the status bar, e.g. "CPU (no supported GPU found)". */
  note: z.string(),
});
export type DeviceInfo = z.infer<typeof DeviceInfo>;

/** Whether a model's weights fit the detected GPU's free memory. */
export const GpuFit = z.enum(['full', 'partial', 'none', 'no_gpu']);
export type GpuFit = z.infer<typeof GpuFit>;

/** One GGUF file of the models folder, with what its metadata says. */
export const ModelFile = z.object({
  file: z.string(),
  sizeBytes: z.number(),
  /** Set when the file is not a readable GGUF model; the other fields are then null. */
  error: z.string().nullable(),
  name: z.string().nullable(),
  architecture: z.string().nullable(),
  parameters: z.number().nullable(),
  quantization: z.string().nullable(),
  contextLength: z.number().nullable(),
  hasChatTemplate: z.boolean(),
  /** RAM + VRAM the weights and a 4k context need, estimated by node-llama-cpp. */
  estimatedMemoryBytes: z.number().nullable(),
  gpuFit: GpuFit.nullable(),
  gpuLayers: z.number().int().nullable(),
  totalLayers: z.number().int().nullable(),
});
export type ModelFile = z.infer<typeof ModelFile>;

export const ModelState = z.enum(['none', 'loading', 'loaded', 'failed']);
export type ModelState = z.infer<typeof ModelState>;

export const ModelStatus = z.object({
  state: ModelState,
  file: z.string().nullable(),
  /** 0..1 while loading. */
  progress: z.number().nullable(),
  device: DeviceInfo.nullable(),
  gpuLayers: z.number().int().nullable(),
  contextSize: z.number().int().nullable(),
  loadMs: z.number().nullable(),
  error: z.string().nullable(),
});
export type ModelStatus = z.infer<typeof ModelStatus>;

export const GenerationStats = z.object({
  tokens: z.number().int(),
  tokensPerSecond: z.number(),
  firstTokenMs: z.number().nullable(),
  totalMs: z.number(),
});
export type GenerationStats = z.infer<typeof GenerationStats>;
