import { z } from 'zod';
import { EnvId, IsoTime } from './ids';

export const EnvKind = z.enum(['demo', 'airflow3', 'airflow2']);
export type EnvKind = z.infer<typeof EnvKind>;

export const EnvColor = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'a colour like #3b82f6');

/** An environment as the UI sees it: never any secret, only whether one is configured. */
export const Environment = z.object({
  id: EnvId,
  name: z.string().min(1).max(80),
  kind: EnvKind,
  color: EnvColor,
  readOnly: z.boolean(),
  baseUrl: z.string().nullable(),
  airflowVersion: z.string().nullable(),
  credentialsConfigured: z.boolean(),
  synthetic: z.boolean(),
  lastSyncAt: IsoTime.nullable(),
  lastSyncError: z.string().nullable(),
});
export type Environment = z.infer<typeof Environment>;
