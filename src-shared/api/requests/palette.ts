import { z } from 'zod';
import { defineRequest } from '../define';
import { EnvId } from '../../domain/ids';

export const PaletteHit = z.object({
  kind: z.enum(['dag', 'task', 'pattern', 'asset', 'run']),
  envId: EnvId,
  /** The DAG of a DAG, task or run hit ('' for patterns and assets). */
  dagId: z.string(),
  runId: z.string().nullable(),
  taskId: z.string().optional(),
  patternId: z.string().optional(),
  uri: z.string().optional(),
  label: z.string(),
  detail: z.string(),
});
export type PaletteHit = z.infer<typeof PaletteHit>;

export const paletteRequests = {
  'palette.search': defineRequest(
    'DAGs, tasks, error patterns, assets and runs holding every word of the query (ids split at _ - . / :), across environments',
    z.object({ query: z.string().min(1).max(200), envId: EnvId.optional(), limit: z.number().int().min(1).max(50).default(20) }).strict(),
    z.array(PaletteHit),
    { scope: 'app', reads: ['dags', 'runs', 'analytics'] },
  ),
} as const;
