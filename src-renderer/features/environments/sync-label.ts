import type { Environment } from '../../../src-shared/domain/environment';
import { formatRelative } from '../../platform/time/format-relative';

/**
 * What the status bar says about an environment's freshness. An environment
 * whose last sync failed (offline, say) still says how old its data is; the
 * failure is shown beside it as a warning.
 */
export function syncLabel(env: Environment, nowMs: number): string {
  if (env.synthetic) return 'synthetic history';
  const then = env.lastSyncAt === null ? Number.NaN : Date.parse(env.lastSyncAt);
  if (!Number.isNaN(then)) return `synced ${formatRelative(then, nowMs)}`;
  return env.lastSyncError !== null ? 'last sync failed' : 'never synced';
}
