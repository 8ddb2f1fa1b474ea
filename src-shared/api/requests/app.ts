import { z } from 'zod';
import { defineRequest } from '../define';
import { EnvId } from '../../domain/ids';

export const Theme = z.enum(['system', 'light', 'dark']);
export type Theme = z.infer<typeof Theme>;

export const UiSettings = z.object({
  theme: Theme,
  currentEnvId: EnvId.nullable(),
});
export type UiSettings = z.infer<typeof UiSettings>;

/** A damaged data file that was moved aside on start, and what that means for the person. */
export const RecoveredFile = z.object({ file: z.string(), movedTo: z.string(), meaning: z.string() });
export type RecoveredFile = z.infer<typeof RecoveredFile>;

export const appRequests = {
  'app.info': defineRequest(
    'Version, transport mode and where data is kept',
    z.object({}).strict(),
    z.object({
      version: z.string(),
      mode: z.enum(['electron', 'served']),
      dataDir: z.string(),
      cacheFile: z.string(),
      cacheRecovered: z.string().nullable(),
      /** Damaged credential files moved aside on start (credentials.json, secret.key). */
      recoveredFiles: z.array(RecoveredFile),
    }),
    { scope: 'app', reads: [] },
  ),
  'settings.get': defineRequest('The user interface settings', z.object({}).strict(), UiSettings, { scope: 'app', reads: ['settings'] }),
  'settings.update': defineRequest('Change some user interface settings', UiSettings.partial().strict(), UiSettings, {
    scope: 'app',
    changes: ['settings'],
  }),
} as const;
