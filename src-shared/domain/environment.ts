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

/** Red marks production: actions there need the environment's name typed to confirm. */
export function isProductionColor(hex: string): boolean {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!m) return false;
  const [r, g, b] = [m[1], m[2], m[3]].map((x) => parseInt(x ?? '0', 16) / 255) as [number, number, number];
  const max = Math.max(r, g, b);
  const min = Math.min(r, g, b);
  if (max === min || max !== r) return false;
  const saturation = (max - min) / max;
  const hue = ((g - b) / (max - min)) * 60;
  return saturation > 0.45 && hue >= -15 && hue <= 15;
}
