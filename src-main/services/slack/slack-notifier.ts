import { ApiError } from '../../../src-shared/api/errors';
import type { IncidentSummary, SlackDelivery } from '../../../src-shared/domain/slack';
import type { CredentialVault } from '../credentials/credential-vault';
import { MonitoringSourceError, send } from '../monitoring/monitoring-http';
import { deepLink } from './deep-link';
import { incidentMessage, type SlackMessage } from './incident-message';
import { untrusted } from './slack-mrkdwn';

/** The vault key of an environment's Slack webhook; the colon keeps it apart from environment ids. */
export const slackVaultKey = (envId: string): string => `slack:${envId}`;

const SLACK_TIMEOUT_MS = 10_000;

/**
 * One environment's Slack channel: an incoming webhook kept in the credential vault.
 * Incident summaries, tests and notifications from rules all go through `send`.
 */
export class SlackNotifier {
  constructor(
    private readonly vault: CredentialVault,
    private readonly envName: (envId: string) => string,
  ) {}

  configured(envId: string): boolean {
    return this.vault.has(slackVaultKey(envId));
  }

  async setWebhook(envId: string, url: string | null): Promise<void> {
    if (url === null) this.vault.remove(slackVaultKey(envId));
    else await this.vault.set(slackVaultKey(envId), { token: url });
  }

  forget(envId: string): void {
    this.vault.remove(slackVaultKey(envId));
  }

  /** Posts a message to the environment's webhook; Slack's refusal (4xx text such as `invalid_token`) is explained. */
  async send(envId: string, message: SlackMessage): Promise<void> {
    const secret = await this.vault.get(slackVaultKey(envId));
    if (secret === null || !('token' in secret)) {
      throw new ApiError(
        'invalid_input',
        `No Slack webhook is configured for ${this.envName(envId)}.`,
        "Add the channel's incoming-webhook URL in the environment's monitoring settings.",
      );
    }
    let status: number;
    let text: string;
    try {
      ({ status, text } = await send(new URL(secret.token), 'Slack', {
        method: 'POST',
        body: JSON.stringify(message),
        contentType: 'application/json',
        timeoutMs: SLACK_TIMEOUT_MS,
      }));
    } catch (error) {
      if (error instanceof MonitoringSourceError)
        throw new ApiError(
          'unavailable',
          `The Slack webhook could not be reached: ${error.message}`,
          "Check this machine's network and the webhook URL.",
        );
      throw error;
    }
    if (status < 200 || status >= 300) {
      const reason = text.trim().slice(0, 200);
      const gone = status === 404 || status === 410 || /no_service|invalid_token|channel_not_found|channel_is_archived/.test(reason);
      throw new ApiError(
        'unavailable',
        `Slack refused the message (HTTP ${status}${reason !== '' ? `: ${reason}` : ''}).`,
        gone
          ? 'The webhook was revoked or its channel is gone; create a new incoming webhook and save its URL.'
          : 'Try again; if it persists, check the webhook in Slack.',
      );
    }
  }

  async sendIncidentSummary(summary: IncidentSummary): Promise<SlackDelivery> {
    const link = deepLink(summary);
    await this.send(summary.envId, incidentMessage(summary, this.envName(summary.envId), link));
    return { sent: true, link };
  }

  async sendTest(envId: string): Promise<SlackDelivery> {
    const link = deepLink({ envId });
    const env = untrusted(this.envName(envId), 80);
    await this.send(envId, {
      text: `ORC AI Desk can post to this channel for ${env}.`,
      blocks: [
        { type: 'section', text: { type: 'mrkdwn', text: `:white_check_mark: ORC AI Desk can post to this channel for *${env}*.` } },
      ],
    });
    return { sent: true, link };
  }
}
