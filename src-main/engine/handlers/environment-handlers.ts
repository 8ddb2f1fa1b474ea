import { ApiError } from '../../../src-shared/api/errors';
import type { Handlers } from '../dispatcher';
import { redactSecrets } from '../../services/credentials/secret-redaction';
import type { EngineContext } from '../engine-context';

type EnvironmentRequest =
  | 'envs.list'
  | 'envs.settings'
  | 'envs.test'
  | 'envs.add'
  | 'envs.update'
  | 'envs.remove'
  | 'envs.export'
  | 'envs.import'
  | 'sync.start'
  | 'sync.cancel';

export function environmentHandlers(ctx: EngineContext): Pick<Handlers, EnvironmentRequest> {
  return {
    'envs.list': () => ctx.envs.list(),
    'envs.settings': ({ envId }) => {
      const { apiVersion: _apiVersion, ...settings } = ctx.envs.settings(envId);
      return settings;
    },
    'envs.test': (target) => ctx.envs.test(target),
    'envs.add': async (input) => {
      const added = await ctx.envs.add(input);
      ctx.sync.schedule(added.environment.id, input.syncIntervalMin);
      return added;
    },
    'envs.update': async ({ envId, changes }) => {
      const env = await ctx.envs.update(envId, changes);
      ctx.sources.forget(envId);
      ctx.sync.schedule(envId, ctx.envs.settings(envId).syncIntervalMin);
      return env;
    },
    'envs.remove': async ({ envId }) => {
      await ctx.sync.stop(envId);
      ctx.sync.schedule(envId, null);
      ctx.monitoring.forget(envId);
      ctx.envs.remove(envId);
      ctx.sources.forget(envId);
      if (ctx.settings.ui.currentEnvId === envId) ctx.saveSettings({ ...ctx.settings, ui: { ...ctx.settings.ui, currentEnvId: null } });
      return { removed: true as const };
    },
    'envs.export': ({ envIds, format }) => ({ text: redactSecrets(ctx.envs.exportFile(envIds, format)), format }),
    'envs.import': ({ text, format, choose }) =>
      format === 'flowrs' ? ctx.envs.importFlowrs(text, choose) : ctx.envs.importFile(text, format),
    'sync.start': ({ envId, full }) => {
      const env = ctx.envs.get(envId);
      if (env.synthetic)
        throw new ApiError(
          'invalid_input',
          'The Demo environment is synthetic and has nothing to sync.',
          'Add a real Airflow in Settings.',
        );
      return { jobId: ctx.sync.start(envId, full).jobId };
    },
    'sync.cancel': ({ envId }) => ({ cancelled: ctx.sync.cancel(envId) }),
  };
}
