import type { CopilotContext } from '../../../src-shared/domain/copilot';
import { formatRoute, type Route } from './route';

/** What the Copilot page shows, as kept in its hash route: a conversation, or an "Explain" context, or an incident a new conversation belongs to. */
export interface CopilotView {
  conversationId: string | null;
  context: CopilotContext | null;
  incidentId: string | null;
}

export function readCopilotView(params: Route['params']): CopilotView {
  const dagId = params.dag;
  return {
    conversationId: params.conversation ?? null,
    context:
      dagId === undefined ? null : { dagId, ...(params.run ? { runId: params.run } : {}), ...(params.task ? { taskId: params.task } : {}) },
    incidentId: params.incident ?? null,
  };
}

/** The link behind an "Explain" button on a failed run, an anomaly or a risk badge (in the environment it names). */
export function explainHref(context: CopilotContext, envId?: string): string {
  return formatRoute('copilot', { env: envId, dag: context.dagId, run: context.runId, task: context.taskId });
}

/** The link behind "Ask the copilot" on an incident's page: a new conversation that belongs to the incident. */
export function incidentCopilotHref(incidentId: string, envId: string): string {
  return formatRoute('copilot', { env: envId, incident: incidentId });
}

export function conversationHref(conversationId: string, envId?: string): string {
  return formatRoute('copilot', { env: envId, conversation: conversationId });
}
