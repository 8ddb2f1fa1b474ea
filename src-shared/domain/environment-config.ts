import { z } from 'zod';
import { EnvColor } from './environment';

/** How the app authenticates to one Airflow. Secrets are write-only: the UI never reads them back. */
export const EnvAuthInput = z.discriminatedUnion('kind', [
  /** Airflow 3: exchanged for a JWT at /auth/token; Airflow 2: HTTP basic auth. */
  z.object({ kind: z.literal('password'), username: z.string().min(1).max(200), password: z.string().min(1).max(1000).optional() }).strict(),
  /** A pasted bearer token (Airflow 3). */
  z.object({ kind: z.literal('token'), token: z.string().min(1).max(20_000).optional() }).strict(),
  z.object({ kind: z.literal('none') }).strict(),
]);
export type EnvAuthInput = z.infer<typeof EnvAuthInput>;

const httpUrl = z
  .string()
  .max(2000)
  .refine((value) => {
    try {
      const url = new URL(value);
      return (url.protocol === 'http:' || url.protocol === 'https:') && url.username === '' && url.password === '';
    } catch {
      return false;
    }
  }, 'an http(s) URL without credentials in it, like https://airflow.example.com');

/** What the user enters to add or edit an environment. */
export const EnvironmentInput = z
  .object({
    name: z.string().trim().min(1).max(80),
    color: EnvColor,
    baseUrl: httpUrl,
    auth: EnvAuthInput,
    /** PEM file with a custom CA for TLS, read by the back end. */
    caFile: z.string().max(4096).nullable().default(null),
    proxyUrl: httpUrl.nullable().default(null),
    readOnly: z.boolean().default(true),
    /** Minutes between automatic syncs; null for manual only. */
    syncIntervalMin: z.number().int().min(1).max(1440).nullable().default(null),
    historyDays: z.number().int().min(1).max(3650).default(90),
  })
  .strict();
export type EnvironmentInput = z.input<typeof EnvironmentInput>;
export type EnvironmentSettings = z.output<typeof EnvironmentInput>;

/** Stored beside the environment row (no secrets). */
export const StoredEnvironmentConfig = z.object({
  authKind: z.enum(['password', 'token', 'none']),
  username: z.string().nullable(),
  caFile: z.string().nullable(),
  proxyUrl: z.string().nullable(),
  syncIntervalMin: z.number().int().nullable(),
  historyDays: z.number().int(),
  apiVersion: z.enum(['v1', 'v2']).nullable(),
});
export type StoredEnvironmentConfig = z.infer<typeof StoredEnvironmentConfig>;
