import { z } from 'zod';
import { DagId, EnvId, IsoTime, RunId, TaskId } from './ids';

/** One failed try, as Airflow identifies it, in one environment. */
export interface FailedTry {
  readonly envId: string;
  readonly dagId: string;
  readonly runId: string;
  readonly taskId: string;
  readonly mapIndex: number;
  readonly tryNumber: number;
}

/** How similar past failures are found: a local embedding model, or the mined log template. */
export const SimilarityMethod = z.enum(['embedding', 'template']);
export type SimilarityMethod = z.infer<typeof SimilarityMethod>;

export const SimilarFailure = z.object({
  envId: EnvId,
  envName: z.string(),
  dagId: DagId,
  runId: RunId,
  taskId: TaskId,
  mapIndex: z.number().int(),
  tryNumber: z.number().int(),
  /** Cosine similarity of the embedded excerpts (embedding), 1 for the same template (template). */
  score: z.number(),
  at: IsoTime.nullable(),
  /** The embedded excerpt (embedding) or the pattern's template (template): Airflow text, render as text. */
  excerpt: z.string(),
});
export type SimilarFailure = z.infer<typeof SimilarFailure>;

export const SimilarFailures = z.object({
  method: SimilarityMethod,
  /** The embedding model's name when method is embedding. */
  modelName: z.string().nullable(),
  /** Why the template method answers although a model is configured (not embedded yet, model failed). */
  note: z.string().nullable(),
  items: z.array(SimilarFailure),
});
export type SimilarFailures = z.infer<typeof SimilarFailures>;

export const EmbeddingStatus = z.object({
  modelDir: z.string().nullable(),
  /** none: no folder chosen; ready: the folder holds a usable model; error: it does not, or it failed to load. */
  state: z.enum(['none', 'ready', 'error']),
  modelName: z.string().nullable(),
  error: z.string().nullable(),
  /** Failures embedded with this model, across environments. */
  embedded: z.number().int(),
  /** What the similar-failures views use now. */
  method: SimilarityMethod,
});
export type EmbeddingStatus = z.infer<typeof EmbeddingStatus>;
