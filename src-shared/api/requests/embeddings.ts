import { z } from 'zod';
import { defineRequest } from '../define';
import { EmbeddingStatus, SimilarFailures } from '../../domain/similar-failures';
import { DagId, EnvId, RunId, TaskId } from '../../domain/ids';

export const embeddingRequests = {
  'embeddings.status': defineRequest(
    'The embedding model folder, whether it holds a usable model, and which similarity method is in use',
    z.object({}).strict(),
    EmbeddingStatus,
    { scope: 'app', reads: ['models', 'analytics'] },
  ),
  'embeddings.settings.update': defineRequest(
    'Sets (or clears) the embedding model folder; failures are embedded in the background',
    z.object({ modelDir: z.string().min(1).max(4096).nullable() }).strict(),
    EmbeddingStatus,
    { scope: 'app', changes: ['models', 'analytics'] },
  ),
  'failures.similar': defineRequest(
    'Past failures most similar to one failed try, across environments with the embedding model, else with the same log template',
    z
      .object({
        envId: EnvId,
        dagId: DagId,
        runId: RunId,
        taskId: TaskId,
        mapIndex: z.number().int().min(-1).max(1_000_000).default(-1),
        /** The try; its last failed try when omitted. */
        tryNumber: z.number().int().min(0).max(1000).optional(),
        limit: z.number().int().min(1).max(50).default(8),
      })
      .strict(),
    SimilarFailures,
    { scope: 'environment', reads: ['analytics', 'models'] },
  ),
} as const;
