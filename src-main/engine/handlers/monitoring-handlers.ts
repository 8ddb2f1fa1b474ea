import type { Handlers } from '../dispatcher';
import type { EngineContext } from '../engine-context';

type MonitoringRequest =
  | 'monitoring.get'
  | 'monitoring.settings'
  | 'monitoring.save'
  | 'monitoring.test'
  | 'slack.sendIncidentSummary'
  | 'slack.test';

export function monitoringHandlers(ctx: EngineContext): Pick<Handlers, MonitoringRequest> {
  return {
    'monitoring.get': ({ envId }) => ctx.monitoring.snapshot(ctx.envs.get(envId)),
    'monitoring.settings': ({ envId }) => ctx.monitoring.settings(envId),
    'monitoring.save': (input) => ctx.monitoring.save(input),
    'monitoring.test': (target) => {
      if ('envId' in target) {
        ctx.requireEnvironment(target.envId);
        return ctx.monitoring.test(target);
      }
      const { envId: _envId, slackWebhookUrl: _webhook, ...urls } = target.draft;
      return ctx.monitoring.test(urls);
    },
    'slack.sendIncidentSummary': (summary) => ctx.slack.sendIncidentSummary(summary),
    'slack.test': ({ envId }) => ctx.slack.sendTest(envId),
  };
}
