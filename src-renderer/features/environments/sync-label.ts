import type { Environment } from '../../../src-shared/domain/environment';
import { formatRelative } from '../time/format-relative';

/** What the status bar says about an environment's freshness. */
export function syncLabel(env: Environment, nowMs: number): string {
  if (env.synthetic) return 'synthetic history';
  if (env.lastSyncError !== null) return 'last sync failed';
  if (env.lastSyncAt === null) return 'never synced';
  const then = Date.parse(env.lastSyncAt);
  return Number.isNaN(then) ? 'never synced' : `synced ${formatRelative(then, nowMs)}`;
}
