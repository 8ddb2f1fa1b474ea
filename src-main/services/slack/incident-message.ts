import type { IncidentSummary } from '../../../src-shared/domain/slack';
import { escapeMrkdwn, untrusted, untrustedCode } from './slack-mrkdwn';

export interface SlackMessage {
  /** The notification text (also what clients without blocks show). */
  text: string;
  blocks: unknown[];
}

const LIMITS = { title: 150, env: 80, id: 250, error: 1_500 };
const STATUS_EMOJI = { open: ':red_circle:', mitigated: ':large_yellow_circle:', resolved: ':large_green_circle:' } as const;

/** An incident summary as a Slack message: every piece of Airflow text escaped and bounded. */
export function incidentMessage(summary: IncidentSummary, envName: string, link: string): SlackMessage {
  const status = summary.status ?? 'open';
  const title = untrusted(summary.title, LIMITS.title);
  const env = untrusted(envName, LIMITS.env);
  const fields: string[] = [`*Environment*\n${env}`];
  if (summary.dagId !== undefined) fields.push(`*DAG*\n\`${untrustedCode(summary.dagId, LIMITS.id)}\``);
  if (summary.runId !== undefined) fields.push(`*Run*\n\`${untrustedCode(summary.runId, LIMITS.id)}\``);
  if (summary.taskId !== undefined) fields.push(`*Task*\n\`${untrustedCode(summary.taskId, LIMITS.id)}\``);
  const blocks: unknown[] = [
    { type: 'section', text: { type: 'mrkdwn', text: `${STATUS_EMOJI[status]} *${title}* (${status})` } },
    { type: 'section', fields: fields.map((text) => ({ type: 'mrkdwn', text })) },
  ];
  if (summary.error !== undefined && summary.error.trim() !== '') {
    blocks.push({
      type: 'section',
      text: { type: 'mrkdwn', text: `*Error*\n\`\`\`${untrustedCode(summary.error.trim(), LIMITS.error)}\`\`\`` },
    });
  }
  blocks.push({
    type: 'context',
    elements: [{ type: 'mrkdwn', text: `Open in ORC AI Desk: <${escapeMrkdwn(link)}|${untrusted(link, 300)}>` }],
  });
  const about =
    summary.dagId !== undefined
      ? ` in ${untrusted(summary.dagId, LIMITS.id)}${summary.taskId !== undefined ? `.${untrusted(summary.taskId, LIMITS.id)}` : ''}`
      : '';
  return { text: `[${env}] ${title}${about}`, blocks };
}
