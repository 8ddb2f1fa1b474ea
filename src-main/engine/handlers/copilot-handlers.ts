import { ApiError } from '../../../src-shared/api/errors';
import type { Handlers } from '../dispatcher';
import type { EngineContext } from '../engine-context';

type CopilotRequest =
  | 'llm.settings.get'
  | 'llm.settings.update'
  | 'llm.models.list'
  | 'llm.status'
  | 'llm.load'
  | 'llm.unload'
  | 'copilot.conversations'
  | 'copilot.conversation'
  | 'copilot.ask'
  | 'copilot.stop'
  | 'copilot.conversation.delete';

export function copilotHandlers(ctx: EngineContext): Pick<Handlers, CopilotRequest> {
  return {
    'llm.settings.get': () => ctx.models.settings(),
    'llm.settings.update': ({ modelsDir }) => ctx.models.updateSettings(modelsDir),
    'llm.models.list': () => ctx.models.list(),
    'llm.status': () => ctx.models.status(),
    'llm.load': ({ file }) => ctx.models.load(file),
    'llm.unload': () => ctx.models.unload(),
    'copilot.conversations': ({ envId, incidentId }) => ctx.conversations.list(envId, incidentId),
    'copilot.conversation': ({ envId, conversationId }) => {
      const conversation = ctx.conversations.get(envId, conversationId);
      if (conversation === null) throw new ApiError('not_found', 'There is no such conversation.', 'It may have been deleted.');
      return {
        conversation,
        messages: ctx.conversations.messages(envId, conversationId),
        activeTurnId: ctx.copilot.activeTurn(envId, conversationId),
      };
    },
    'copilot.ask': ({ envId, conversationId, question, context, incidentId }) =>
      ctx.copilot.ask(envId, conversationId, question, context, incidentId),
    'copilot.stop': ({ envId, turnId }) => ({ stopped: ctx.copilot.stop(envId, turnId) }),
    'copilot.conversation.delete': ({ envId, conversationId }) => ({ deleted: ctx.conversations.delete(envId, conversationId) }),
  };
}
