import { z } from 'zod';
import { defineEvent, defineRequest } from '../define';
import { AgentStep, Conversation, CopilotContext, CopilotMessage, TurnState } from '../../domain/copilot';
import { ModelFile, ModelStatus } from '../../domain/copilot-models';
import { EnvId } from '../../domain/ids';
import { IncidentId } from '../../domain/incidents';

/** A file name inside the models folder: no folders, no way out of it. */
export const ModelFileName = z
  .string()
  .min(1)
  .max(255)
  .regex(/^[^/\\]+\.gguf$/i, 'a .gguf file name inside the models folder')
  .refine((name) => !name.startsWith('.'), 'hidden files are not models');

const Id = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/);

export const LlmSettings = z.object({
  modelsDir: z.string().nullable(),
  /** Where to put models if no folder is chosen yet. */
  suggestedDir: z.string(),
});

export const ModelList = z.object({
  modelsDir: z.string().nullable(),
  models: z.array(ModelFile),
  /** Why the folder could not be read, if it could not. */
  error: z.string().nullable(),
});

export const copilotRequests = {
  'llm.settings.get': defineRequest('The models folder', z.object({}).strict(), LlmSettings, { scope: 'app', reads: ['models'] }),
  'llm.settings.update': defineRequest(
    'Sets (or clears) the models folder',
    z.object({ modelsDir: z.string().min(1).max(4096).nullable() }).strict(),
    LlmSettings,
    { scope: 'app', changes: ['models'] },
  ),
  'llm.models.list': defineRequest('GGUF files of the models folder with their metadata', z.object({}).strict(), ModelList, {
    scope: 'app',
    reads: ['models'],
  }),
  'llm.status': defineRequest('The loaded model, its device, or loading progress', z.object({}).strict(), ModelStatus, {
    scope: 'app',
    reads: ['models'],
  }),
  'llm.load': defineRequest(
    'Loads one model of the models folder (progress arrives as llm.status)',
    z.object({ file: ModelFileName }).strict(),
    ModelStatus,
    { scope: 'app', changes: ['models'] },
  ),
  'llm.unload': defineRequest('Unloads the model', z.object({}).strict(), ModelStatus, { scope: 'app', changes: ['models'] }),
  'copilot.conversations': defineRequest(
    'Conversations of one environment, newest first; only those of one of its incidents when incidentId is given',
    z.object({ envId: EnvId, incidentId: IncidentId.optional() }).strict(),
    z.array(Conversation),
    { scope: 'environment', reads: ['copilot', 'incidents'] },
  ),
  'copilot.conversation': defineRequest(
    'One conversation with its messages',
    z.object({ envId: EnvId, conversationId: Id }).strict(),
    z.object({ conversation: Conversation, messages: z.array(CopilotMessage), activeTurnId: z.string().nullable() }),
    { scope: 'environment', reads: ['copilot', 'incidents'] },
  ),
  'copilot.ask': defineRequest(
    'Asks the copilot; the answer streams as copilot.token and copilot.step events',
    z
      .object({
        envId: EnvId,
        conversationId: Id.nullable().default(null),
        question: z.string().trim().min(1).max(4000),
        context: CopilotContext.nullable().default(null),
        /** For a new conversation: the incident (of this environment) it belongs to. */
        incidentId: IncidentId.nullable().default(null),
      })
      .strict(),
    z.object({ conversationId: z.string(), turnId: z.string() }),
    { scope: 'environment', changes: ['copilot'] },
  ),
  'copilot.stop': defineRequest(
    'Stops a running answer',
    z.object({ envId: EnvId, turnId: Id }).strict(),
    z.object({ stopped: z.boolean() }),
    { scope: 'app', changes: ['copilot'] },
  ),
  'copilot.conversation.delete': defineRequest(
    'Deletes one conversation',
    z.object({ envId: EnvId, conversationId: Id }).strict(),
    z.object({ deleted: z.boolean() }),
    { scope: 'environment', changes: ['copilot'] },
  ),
} as const;

const TurnRef = { envId: EnvId, conversationId: z.string(), turnId: z.string() };

export const copilotEvents = {
  'llm.status': defineEvent('The model loaded, unloaded, failed or made loading progress', ModelStatus),
  'copilot.token': defineEvent('Streamed text of an answer', z.object({ ...TurnRef, text: z.string() })),
  'copilot.step': defineEvent('The agent ran a tool or proposed an action', z.object({ ...TurnRef, step: AgentStep })),
  'copilot.turn': defineEvent('An answer started or ended', z.object({ ...TurnRef, state: TurnState })),
} as const;
