import type { Handlers } from '../dispatcher';
import type { EngineContext } from '../engine-context';

type MonitoringRequest = 'monitoring.get' | 'monitoring.settings' | 'monitoring.save' | 'monitoring.test' | 'slack.sendIncidentSummary' | 'slack.test';

export function monitoringHandlers(ctx: EngineContext): Pick<Handlers, MonitoringRequest> {
  return {
    'monitoring.get': ({ envId }) => ctx.monitoring.snapshot(ctx.envs.get(envId)),
    'monitoring.settings': ({ envId }) => {
      ctx.requireEnvironment(envId);
      return ctx.monitoring.settings(envId);
    },
    'monitoring.save': async (input) => {
      ctx.requireEnvironment(input.envId);
      const saved = await ctx.monitoring.save(input);
      ctx.events.emit('data.changed', { topics: ['monitoring'], envId: input.envId });
      return saved;
    },
    'monitoring.test': (target) => {
      if ('envId' in target) {
        ctx.requireEnvironment(target.envId);
        return ctx.monitoring.test(target);
      }
      const { envId: _envId, slackWebhookUrl: _webhook, ...urls } = target.draft;
      return ctx.monitoring.test(urls);
    },
    'slack.sendIncidentSummary': (summary) => {
      ctx.requireEnvironment(summary.envId);
      return ctx.slack.sendIncidentSummary(summary);
    },
    'slack.test': ({ envId }) => {
      ctx.requireEnvironment(envId);
      return ctx.slack.sendTest(envId);
    },
  };
}
