import type { SimilarityMethod } from '../../../src-shared/domain/similar-failures';

/** How the UI names the similarity method in use. */
export function similarityLabel(method: SimilarityMethod, modelName: string | null): string {
  return method === 'embedding' ? `embedding model ${modelName ?? ''}`.trim() : 'template similarity';
}
