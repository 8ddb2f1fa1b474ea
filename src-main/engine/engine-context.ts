import { ApiError } from '../../src-shared/api/errors';
import type { OpenedCache } from '../services/cache/open-cache';
import type { EnvironmentStore } from '../services/cache/environment-store';
import type { EnvironmentService } from '../services/environments/environment-service';
import type { SourceRegistry } from '../services/sync/source-registry';
import type { SyncScheduler } from '../services/sync/sync-scheduler';
import type { HistoryQueries } from '../services/history/history-queries';
import type { JobRegistry } from '../services/jobs/job-registry';
import type { Settings } from '../services/settings/settings-file';
import type { EngineOptions } from './engine';
import type { EventBus } from './event-bus';

/** The services one engine instance wires together; handlers receive it. */
export interface EngineContext {
  readonly options: EngineOptions;
  readonly cache: OpenedCache;
  readonly environments: EnvironmentStore;
  readonly envs: EnvironmentService;
  readonly sources: SourceRegistry;
  readonly sync: SyncScheduler;
  readonly history: HistoryQueries;
  readonly jobs: JobRegistry;
  readonly events: EventBus;
  readonly settings: Settings;
  saveSettings(settings: Settings): void;
  /** Returns the environment's "now" (asOf) or throws not_found. */
  requireEnvironment(envId: string): string;
}

export function environmentGuard(environments: EnvironmentStore) {
  return (envId: string): string => {
    const asOf = environments.asOf(envId);
    if (asOf === null) {
      throw new ApiError('not_found', `There is no environment "${envId}".`, 'Pick an environment from the switcher.');
    }
    return asOf;
  };
}
