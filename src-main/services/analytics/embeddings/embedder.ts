import { basename, dirname } from 'node:path';
import type { UsableModel } from './model-folder';

/** Turns texts into L2-normalised vectors (mean pooling over the model's last hidden state). */
export interface Embedder {
  readonly model: UsableModel;
  embed(texts: readonly string[]): Promise<Float32Array[]>;
}

interface FeatureTensor {
  readonly data: Float32Array;
  readonly dims: readonly number[];
}
type FeatureExtractor = (texts: string[], options: { pooling: 'mean'; normalize: boolean }) => Promise<FeatureTensor>;

/**
 * Loads a feature-extraction pipeline from a local folder only: remote
 * models are switched off, so nothing is ever fetched from a hub. The
 * package (and onnxruntime-node with it) is imported on first use, so a
 * desk without an embedding model never loads it.
 */
export async function loadEmbedder(model: UsableModel): Promise<Embedder> {
  const { env, pipeline } = await import('@xenova/transformers');
  env.allowRemoteModels = false;
  env.allowLocalModels = true;
  env.useBrowserCache = false;
  env.localModelPath = `${dirname(model.dir)}/`;
  const extract = (await pipeline('feature-extraction', basename(model.dir), {
    quantized: model.quantized,
  })) as unknown as FeatureExtractor;
  return {
    model,
    async embed(texts) {
      if (texts.length === 0) return [];
      const out = await extract([...texts], { pooling: 'mean', normalize: true });
      const dims = out.dims[out.dims.length - 1] ?? 0;
      return texts.map((_, i) => out.data.slice(i * dims, (i + 1) * dims));
    },
  };
}
