import { z } from 'zod';
import {
  ActionProposal,
  AgentStep,
  Citation,
  CopilotContext,
  type Conversation,
  type CopilotMessage,
} from '../../../src-shared/domain/copilot';
import { GenerationStats } from '../../../src-shared/domain/copilot-models';
import { TurnState } from '../../../src-shared/domain/copilot';

export interface ConversationRow {
  env_id: string;
  conversation_id: string;
  title: string;
  context_json: string | null;
  created_at: string;
  updated_at: string;
  incident_id: string | null;
  /** Joined from incidents. */
  incident_title: string | null;
}

export interface MessageRow {
  message_id: string;
  role: string;
  text: string;
  state: string;
  error: string | null;
  citations_json: string;
  steps_json: string;
  stats_json: string | null;
  created_at: string;
}

export interface ProposalRow {
  proposal_id: string;
  message_id: string;
  kind: string;
  dag_id: string;
  run_id: string | null;
  task_id: string | null;
  note: string | null;
  summary: string;
  status: string;
  status_message: string | null;
}

/** Parses JSON the store wrote; anything unreadable reads as the fallback. */
function parsed<S extends z.ZodType>(schema: S, json: string | null, fallback: z.output<S>): z.output<S> {
  if (json === null) return fallback;
  try {
    const result = schema.safeParse(JSON.parse(json));
    return result.success ? result.data : fallback;
  } catch {
    return fallback;
  }
}

export function toConversation(r: ConversationRow): Conversation {
  return {
    id: r.conversation_id,
    envId: r.env_id,
    title: r.title,
    context: parsed(CopilotContext.nullable(), r.context_json, null),
    incidentId: r.incident_id,
    incidentTitle: r.incident_title,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

export function toProposal(r: ProposalRow): ActionProposal {
  return ActionProposal.parse({
    id: r.proposal_id,
    kind: r.kind,
    dagId: r.dag_id,
    runId: r.run_id,
    taskId: r.task_id,
    note: r.note,
    summary: r.summary,
    status: r.status,
    statusMessage: r.status_message,
  });
}

export function toMessage(r: MessageRow, proposals: ActionProposal[]): CopilotMessage {
  return {
    id: r.message_id,
    role: r.role === 'user' ? 'user' : 'assistant',
    text: r.text,
    createdAt: r.created_at,
    state: TurnState.catch('failed').parse(r.state),
    error: r.error,
    citations: parsed(z.array(Citation), r.citations_json, []),
    proposals,
    steps: parsed(z.array(AgentStep), r.steps_json, []),
    stats: parsed(GenerationStats.nullable(), r.stats_json, null),
  };
}
