import { z } from 'zod';
import { DagId, EnvId, RunId, TaskId } from './ids';

/** What an incident summary sent to Slack says. Airflow text in it is escaped for Slack before sending. */
export const IncidentSummary = z
  .object({
    envId: EnvId,
    title: z.string().trim().min(1).max(300),
    dagId: DagId.optional(),
    runId: RunId.optional(),
    taskId: TaskId.optional(),
    /** The error line or log excerpt; truncated before sending. */
    error: z.string().max(100_000).optional(),
    status: z.enum(['open', 'mitigated', 'resolved']).optional(),
  })
  .strict();
export type IncidentSummary = z.infer<typeof IncidentSummary>;

export const SlackDelivery = z.object({
  sent: z.literal(true),
  /** The app route the message links back to, e.g. orc://open/#/task?env=... */
  link: z.string(),
});
export type SlackDelivery = z.infer<typeof SlackDelivery>;
