import { join } from 'node:path';
import { EnvironmentStore } from '../services/cache/environment-store';
import { CredentialVault } from '../services/credentials/credential-vault';
import { KeyFileCipher } from '../services/credentials/key-file-cipher';
import { EnvironmentService } from '../services/environments/environment-service';
import { SourceRegistry } from '../services/sync/source-registry';
import { SyncScheduler } from '../services/sync/sync-scheduler';
import { openCache } from '../services/cache/open-cache';
import { defaultDemoAsOf, ensureDemoEnvironment } from '../services/demo/demo-environment';
import { HistoryQueries } from '../services/history/history-queries';
import { JobRegistry } from '../services/jobs/job-registry';
import { SettingsFile } from '../services/settings/settings-file';
import { createDispatcher, type Handlers } from './dispatcher';
import type { Engine, EngineOptions } from './engine';
import { environmentGuard, type EngineContext } from './engine-context';
import { EventBus } from './event-bus';
import { appHandlers } from './handlers/app-handlers';
import { environmentHandlers } from './handlers/environment-handlers';
import { historyHandlers } from './handlers/history-handlers';

export const CACHE_FILE_NAME = 'cache.sqlite';
export const SETTINGS_FILE_NAME = 'settings.json';
export const CREDENTIALS_FILE_NAME = 'credentials.json';
export const KEY_FILE_NAME = 'secret.key';

/**
 * The composition root: opens the cache, builds every service once, and
 * binds them to the API contract. Transports (IPC, HTTP) only see `Engine`.
 */
export async function createEngine(options: EngineOptions): Promise<Engine> {
  const log = options.log ?? (() => undefined);
  const cache = openCache(join(options.dataDir, CACHE_FILE_NAME));
  if (cache.recoveredFrom) log(`The cache failed its integrity check and was moved to ${cache.recoveredFrom}; a new one was created.`);
  const settingsFile = new SettingsFile(join(options.dataDir, SETTINGS_FILE_NAME));
  const loaded = settingsFile.load();
  if (loaded.movedAside) log(`Unreadable settings were moved to ${loaded.movedAside}; defaults are in use.`);

  const events = new EventBus();
  const environments = new EnvironmentStore(cache.db);
  const jobs = new JobRegistry((job) => events.emit('jobs.progress', job));
  const cipher = options.cipher ?? new KeyFileCipher(join(options.dataDir, KEY_FILE_NAME));
  const envs = new EnvironmentService(cache.db, environments, new CredentialVault(join(options.dataDir, CREDENTIALS_FILE_NAME), cipher));
  const sources = new SourceRegistry(envs);
  const sync = new SyncScheduler(cache.db, environments, jobs, (envId) => sources.target(envId), (envId) => {
    events.emit('data.changed', { topics: ['environments', 'dags', 'runs', 'task_instances'], envId });
  });
  const ctx: EngineContext = {
    options,
    cache,
    environments,
    envs,
    sources,
    sync,
    history: new HistoryQueries(cache.db),
    jobs,
    events,
    settings: loaded.settings,
    saveSettings(next) {
      settingsFile.save(next);
      (ctx as { settings: typeof next }).settings = next;
    },
    requireEnvironment: environmentGuard(environments),
  };

  const handlers: Handlers = { ...appHandlers(ctx), ...environmentHandlers(ctx), ...historyHandlers(ctx) };
  const dispatch = createDispatcher(handlers, {
    validateOutput: options.validateOutput ?? false,
    onUnexpectedError: (name, error) => log(`${name}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`),
  });

  for (const env of envs.list()) {
    if (!env.synthetic) sync.schedule(env.id, envs.settings(env.id).syncIntervalMin);
  }

  if (options.demo ?? true) {
    const built = ensureDemoEnvironment(cache.db, environments, jobs, options.demoAsOf ?? defaultDemoAsOf());
    if (built) events.emit('data.changed', { topics: ['environments', 'dags', 'runs', 'task_instances'], envId: 'demo' });
  }

  return {
    handle: dispatch,
    subscribe: (listener) => events.subscribe(listener),
    async close() {
      await sync.close();
      cache.db.close();
    },
  };
}
