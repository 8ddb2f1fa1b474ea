import { join } from 'node:path';
import { EnvironmentStore } from '../services/cache/environment-store';
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
import { historyHandlers } from './handlers/history-handlers';

export const CACHE_FILE_NAME = 'cache.sqlite';
export const SETTINGS_FILE_NAME = 'settings.json';

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
  const ctx: EngineContext = {
    options,
    cache,
    environments,
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

  const handlers: Handlers = { ...appHandlers(ctx), ...historyHandlers(ctx) };
  const dispatch = createDispatcher(handlers, {
    validateOutput: options.validateOutput ?? false,
    onUnexpectedError: (name, error) => log(`${name}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`),
  });

  if (options.demo ?? true) {
    const built = ensureDemoEnvironment(cache.db, environments, jobs, options.demoAsOf ?? defaultDemoAsOf());
    if (built) events.emit('data.changed', { topics: ['environments', 'dags', 'runs', 'task_instances'], envId: 'demo' });
  }

  return {
    handle: dispatch,
    subscribe: (listener) => events.subscribe(listener),
    async close() {
      cache.db.close();
    },
  };
}
