import { useApiQuery } from '../../platform/api/use-api-query';
import { similarityLabel } from './similarity-label';

/** One line saying how similar failures are found now: the local embedding model, or log templates (and why). */
export function SimilarityMethodNote() {
  const status = useApiQuery('embeddings.status', {});
  if (status.data === undefined) return null;
  const s = status.data;
  return (
    <p className="muted similarity-note" data-testid="similarity-method">
      Similar failures: {similarityLabel(s.method, s.modelName)}
      {s.method === 'embedding' ? ` (${s.embedded} failures embedded)` : s.state === 'none' ? ' (no embedding model configured)' : ''}
      {s.error !== null ? ` · ${s.error}` : ''}
    </p>
  );
}
