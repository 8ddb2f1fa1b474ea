import type { Handlers } from '../dispatcher';
import type { EngineContext } from '../engine-context';

type EmbeddingRequest = 'embeddings.status' | 'embeddings.settings.update' | 'failures.similar';

export function embeddingHandlers(ctx: EngineContext): Pick<Handlers, EmbeddingRequest> {
  return {
    'embeddings.status': () => ctx.embeddings.status(),
    'embeddings.settings.update': ({ modelDir }) => ctx.embeddings.updateSettings(modelDir),
    'failures.similar': (q) => ctx.embeddings.similar(q),
  };
}
