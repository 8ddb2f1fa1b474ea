import type { Handlers } from '../dispatcher';
import type { EngineContext } from '../engine-context';

export function appHandlers(ctx: EngineContext): Pick<Handlers, 'app.info' | 'settings.get' | 'settings.update'> {
  return {
    'app.info': () => ({
      version: ctx.options.version,
      mode: ctx.options.mode,
      dataDir: ctx.options.dataDir,
      cacheFile: ctx.cache.file,
      cacheRecovered: ctx.cache.recoveredFrom,
      recoveredFiles: [...ctx.recoveredFiles],
    }),
    'settings.get': () => ctx.settings.ui,
    'settings.update': (patch) => {
      if (patch.currentEnvId != null) ctx.requireEnvironment(patch.currentEnvId);
      const ui = { ...ctx.settings.ui, ...patch };
      ctx.saveSettings({ ...ctx.settings, ui });
      return ui;
    },
  };
}
