import { z } from 'zod';
import { DagId, EnvId, IsoTime, RunId, TaskId } from './ids';
import { GenerationStats } from './copilot-models';
import { FailureBrief } from './failure-brief';

/** A reference an answer cites as [R3]; the UI turns it into a link into the app. */
export const Citation = z.object({
  ref: z.string().regex(/^R\d{1,4}$/),
  /** run, task instance (task without a run: the task's history), log line, DAG, or asset of the lineage graph. */
  kind: z.enum(['run', 'task', 'log', 'dag', 'asset']),
  /** For kind "asset": the DAG that produces it. */
  dagId: DagId,
  runId: RunId.nullable(),
  taskId: TaskId.nullable(),
  mapIndex: z.number().int().nullable(),
  tryNumber: z.number().int().nullable(),
  /** 1-based log line for kind "log". */
  line: z.number().int().nullable(),
  /** The asset URI for kind "asset". */
  uri: z.string().optional(),
  label: z.string(),
});
export type Citation = z.infer<typeof Citation>;

export const ActionKind = z.enum(['clear_task', 'pause_dag', 'trigger_run', 'add_note']);
export type ActionKind = z.infer<typeof ActionKind>;

/** A change the copilot suggests; only a person's click could ever execute it. */
export const ActionProposal = z.object({
  id: z.string(),
  kind: ActionKind,
  dagId: DagId,
  runId: RunId.nullable(),
  taskId: TaskId.nullable(),
  note: z.string().nullable(),
  /** Exactly what would change, in one sentence. */
  summary: z.string(),
  status: z.enum(['proposed', 'refused']),
  statusMessage: z.string().nullable(),
});
export type ActionProposal = z.infer<typeof ActionProposal>;

/** What the claim check of an answer found: how many facts it stated, and those found nowhere in the turn's data. */
export const ClaimCheckRecord = z.object({
  checked: z.number().int(),
  /** The claims (ids, times, counts, error classes) matched by nothing the turn read: shown marked, never as fact. */
  unsupported: z.array(z.object({ kind: z.enum(['asset', 'run', 'time', 'error', 'quantity', 'count', 'id']), text: z.string() })),
});
export type ClaimCheckRecord = z.infer<typeof ClaimCheckRecord>;

/**
 * One step of a turn: a tool call, a proposal, a rejected step, the step limit; "brief": the failure brief,
 * assembled without any model and shown first; "check": the claim check of the answer.
 */
export const AgentStep = z.object({
  index: z.number().int(),
  kind: z.enum(['tool', 'proposal', 'invalid', 'limit', 'brief', 'check']),
  tool: z.string().nullable(),
  /** The validated arguments as JSON text. */
  args: z.string().nullable(),
  summary: z.string(),
  ms: z.number(),
  /** For kind "brief": the brief itself (Airflow text inside: render as text). */
  brief: FailureBrief.optional(),
  /** For kind "check". */
  claims: ClaimCheckRecord.optional(),
});
export type AgentStep = z.infer<typeof AgentStep>;

export const TurnState = z.enum(['running', 'done', 'stopped', 'failed']);
export type TurnState = z.infer<typeof TurnState>;

export const CopilotMessage = z.object({
  id: z.string(),
  role: z.enum(['user', 'assistant']),
  text: z.string(),
  createdAt: IsoTime,
  state: TurnState,
  error: z.string().nullable(),
  citations: z.array(Citation),
  proposals: z.array(ActionProposal),
  steps: z.array(AgentStep),
  stats: GenerationStats.nullable(),
});
export type CopilotMessage = z.infer<typeof CopilotMessage>;

/** What a conversation is about when it was opened from "Explain". */
export const CopilotContext = z.object({ dagId: DagId, runId: RunId.optional(), taskId: TaskId.optional() }).strict();
export type CopilotContext = z.infer<typeof CopilotContext>;

export const Conversation = z.object({
  id: z.string(),
  envId: EnvId,
  title: z.string(),
  context: CopilotContext.nullable(),
  /** The incident it belongs to; null for a conversation of the environment (also once its incident is deleted). */
  incidentId: z.string().nullable(),
  incidentTitle: z.string().nullable(),
  createdAt: IsoTime,
  updatedAt: IsoTime,
});
export type Conversation = z.infer<typeof Conversation>;
