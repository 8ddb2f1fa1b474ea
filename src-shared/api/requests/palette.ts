import { z } from 'zod';
import { defineRequest } from '../define';
import { EnvId } from '../../domain/ids';

export const PaletteHit = z.object({
  kind: z.enum(['dag', 'run']),
  envId: EnvId,
  dagId: z.string(),
  runId: z.string().nullable(),
  label: z.string(),
  detail: z.string(),
});
export type PaletteHit = z.infer<typeof PaletteHit>;

export const paletteRequests = {
  'palette.search': defineRequest(
    'DAGs and runs whose id contains the query, across environments',
    z.object({ query: z.string().min(1).max(200), envId: EnvId.optional(), limit: z.number().int().min(1).max(50).default(20) }).strict(),
    z.array(PaletteHit),
    { scope: 'app', reads: ['dags', 'runs'] },
  ),
} as const;
