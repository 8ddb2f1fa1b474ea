import type { AppNotification } from '../../../src-shared/domain/rules';

/**
 * Where notifications of rules go outside the app. Slack: `slackRuleChannel`
 * (src-main/services/slack/) wraps the environment's `SlackNotifier`
 * (incoming webhook with environment, DAG, task, error and a deep link);
 * rules with `notify.slack` are sent to it.
 */
export interface ExternalNotifier {
  readonly channel: 'slack';
  send(notification: AppNotification): Promise<void>;
}
