import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { GgufFileInfo, Llama } from 'node-llama-cpp';
import type { GpuFit, ModelFile } from '../../../../src-shared/domain/copilot-models';
import { regularFileInside, UnsafeFileError } from '../../files/bounded-file';
import { ggufProblem } from './gguf-check';
import type { LlamaLib } from './llama-lib';

const ESTIMATE_CONTEXT = 4096;

/** The largest model file considered (the biggest GGUF files people run locally are far smaller). */
export const MAX_GGUF_BYTES = 1024 * 1024 * 1024 * 1024;

/** file_type numbers of GGUF (llama.cpp's llama_ftype) that people see in file names. */
const FILE_TYPES: Readonly<Record<number, string>> = {
  0: 'F32',
  1: 'F16',
  2: 'Q4_0',
  3: 'Q4_1',
  7: 'Q8_0',
  8: 'Q5_0',
  9: 'Q5_1',
  10: 'Q2_K',
  11: 'Q3_K_S',
  12: 'Q3_K_M',
  13: 'Q3_K_L',
  14: 'Q4_K_S',
  15: 'Q4_K_M',
  16: 'Q5_K_S',
  17: 'Q5_K_M',
  18: 'Q6_K',
  19: 'IQ2_XXS',
  20: 'IQ2_XS',
  21: 'Q2_K_S',
  22: 'IQ3_XS',
  23: 'IQ3_XXS',
  24: 'IQ1_S',
  25: 'IQ4_NL',
  26: 'IQ3_S',
  27: 'IQ3_M',
  28: 'IQ2_S',
  29: 'IQ2_M',
  30: 'IQ4_XS',
  31: 'IQ1_M',
  32: 'BF16',
  36: 'TQ1_0',
  37: 'TQ2_0',
  38: 'MXFP4_MOE',
};

function text(value: unknown): string | null {
  return typeof value === 'string' && value.length > 0 ? value : null;
}

function fitOf(llama: Llama, gpuLayers: number, totalLayers: number): GpuFit {
  if (!llama.supportsGpuOffloading || llama.gpu === false) return 'no_gpu';
  if (gpuLayers >= totalLayers) return 'full';
  return gpuLayers > 0 ? 'partial' : 'none';
}

function truncation(needed: number, sizeBytes: number): string | null {
  return sizeBytes < needed
    ? `The GGUF file is truncated: its tensors need ${needed} bytes but the file holds ${sizeBytes}. Copy or download it again.`
    : null;
}

/** Why a GGUF file cannot load (unreadable metadata, or cut short), before llama.cpp tries it; null when complete. */
export async function completenessProblem(lib: LlamaLib, llama: Llama, path: string): Promise<string | null> {
  try {
    const info = await lib.readGgufFileInfo(path, { readTensorInfo: true, logWarnings: false });
    const insights = await lib.GgufInsights.from(info, llama);
    return truncation(insights.modelSize, (await stat(path)).size);
  } catch (error) {
    return `The GGUF metadata is unreadable (damaged or truncated file): ${error instanceof Error ? error.message : String(error)}`;
  }
}

const EMPTY = {
  name: null,
  architecture: null,
  parameters: null,
  quantization: null,
  contextLength: null,
  hasChatTemplate: false,
  estimatedMemoryBytes: null,
  gpuFit: null,
  gpuLayers: null,
  totalLayers: null,
} as const;

async function describe(
  lib: LlamaLib,
  llama: Llama,
  info: GgufFileInfo,
  sizeBytes: number,
): Promise<Omit<ModelFile, 'file' | 'sizeBytes'>> {
  const general = info.metadata.general;
  const insights = await lib.GgufInsights.from(info, llama);
  const cut = truncation(insights.modelSize, sizeBytes);
  if (cut !== null) return { ...EMPTY, error: cut };
  const resolved = await insights.configurationResolver.resolveAndScoreConfig({ targetContextSize: ESTIMATE_CONTEXT });
  const totalLayers = insights.totalLayers;
  const fileType = typeof general.file_type === 'number' ? FILE_TYPES[general.file_type] : undefined;
  return {
    error: null,
    name: text(general.name),
    architecture: text(general.architecture),
    parameters: insights.totalParameters,
    quantization: fileType ?? null,
    contextLength: insights.trainContextSize ?? null,
    hasChatTemplate: text(info.metadata.tokenizer?.chat_template) !== null,
    estimatedMemoryBytes: resolved.resolvedValues.totalRamUsage + resolved.resolvedValues.totalVramUsage,
    gpuFit: fitOf(llama, resolved.resolvedValues.gpuLayers, totalLayers),
    gpuLayers: resolved.resolvedValues.gpuLayers,
    totalLayers,
  };
}

/** Every *.gguf directly in `dir`, read with readGgufFileInfo; unreadable files come back with an error, never throw. */
export async function scanModels(lib: LlamaLib, llama: Llama, dir: string): Promise<ModelFile[]> {
  const names = (await readdir(dir)).filter((n) => n.toLowerCase().endsWith('.gguf') && !n.startsWith('.')).sort();
  const out: ModelFile[] = [];
  for (const file of names) {
    const path = join(dir, file);
    try {
      regularFileInside(dir, file, MAX_GGUF_BYTES);
    } catch (error) {
      if (!(error instanceof UnsafeFileError)) throw error;
      // A link out of the folder, a FIFO or a device is listed with why, and never opened.
      out.push({ file, sizeBytes: 0, error: `${error.message} Copy the .gguf file itself into the models folder.`, ...EMPTY });
      continue;
    }
    const sizeBytes = (await stat(path)).size;
    const problem = await ggufProblem(path);
    if (problem !== null) {
      out.push({ file, sizeBytes, error: problem, ...EMPTY });
      continue;
    }
    try {
      const info = await lib.readGgufFileInfo(path, { readTensorInfo: true, logWarnings: false });
      out.push({ file, sizeBytes, ...(await describe(lib, llama, info, sizeBytes)) });
    } catch (error) {
      out.push({
        file,
        sizeBytes,
        error: `Unreadable GGUF metadata (damaged or truncated file): ${error instanceof Error ? error.message : String(error)}`,
        ...EMPTY,
      });
    }
  }
  return out;
}
