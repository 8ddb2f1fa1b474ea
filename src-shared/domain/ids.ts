import { z } from 'zod';

/**
 * Identifiers coming from Airflow are untrusted text. They are bounded in
 * length and never interpreted; the UI renders them as text only.
 */
export const EnvId = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[a-z0-9][a-z0-9_-]*$/, 'lowercase letters, digits, "-" and "_" only');
export type EnvId = z.infer<typeof EnvId>;

export const DagId = z.string().min(1).max(250);
export const RunId = z.string().min(1).max(250);
export const TaskId = z.string().min(1).max(250);

/** ISO 8601 timestamp in UTC, as stored in the cache. */
export const IsoTime = z.string().max(40);
export type IsoTime = z.infer<typeof IsoTime>;
