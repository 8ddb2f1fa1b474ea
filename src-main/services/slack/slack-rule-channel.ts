import type { AppNotification } from '../../../src-shared/domain/rules';
import type { ExternalNotifier } from '../rules/external-notifier';
import type { SlackNotifier } from './slack-notifier';

/** Rules' notifications, sent to the Slack webhook of their environment (skipped where none is configured). */
export function slackRuleChannel(slack: SlackNotifier): ExternalNotifier {
  return {
    channel: 'slack',
    async send(n: AppNotification): Promise<void> {
      if (!slack.configured(n.envId)) return;
      await slack.sendIncidentSummary({
        envId: n.envId,
        title: `${n.ruleName}: ${n.title}`.slice(0, 300),
        dagId: n.dagId,
        ...(n.runId !== null ? { runId: n.runId } : {}),
        ...(n.taskId !== null ? { taskId: n.taskId } : {}),
        ...(n.detail.trim() !== '' ? { error: n.detail.slice(0, 100_000) } : {}),
      });
    },
  };
}
