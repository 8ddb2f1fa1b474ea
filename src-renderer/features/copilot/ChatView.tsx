import { useEffect, useState } from 'react';
import type { CopilotContext } from '../../../src-shared/domain/copilot';
import type { Environment } from '../../../src-shared/domain/environment';
import { ApiErrorNotice } from '../../ui/feedback/ApiErrorNotice';
import { AboutIncident, AboutNewIncidentConversation } from './AboutIncident';
import { useApiMutation } from '../../platform/api/use-api-mutation';
import { useApiQuery } from '../../platform/api/use-api-query';
import { Composer } from './Composer';
import { conversationHref } from '../../platform/routing/copilot-route';
import { MessageView } from './MessageView';
import { StreamingAnswer } from './StreamingAnswer';
import { useTurnStream } from './use-turn-stream';

/** One conversation: its messages, the answer streaming now, and the question box. A new one belongs to `incidentId` when given. */
export function ChatView({
  env,
  conversationId,
  context,
  incidentId,
  modelReady,
}: {
  env: Environment;
  conversationId: string | null;
  context: CopilotContext | null;
  incidentId: string | null;
  modelReady: boolean;
}) {
  const conversation = useApiQuery(
    'copilot.conversation',
    { envId: env.id, conversationId: conversationId ?? '-' },
    { enabled: conversationId !== null },
  );
  const ask = useApiMutation('copilot.ask');
  const stop = useApiMutation('copilot.stop');
  const [turnId, setTurnId] = useState<string | null>(null);
  const serverTurn = conversationId !== null ? (conversation.data?.activeTurnId ?? null) : null;
  const activeTurn = turnId ?? serverTurn;
  const stream = useTurnStream(activeTurn);
  const messages = conversation.data?.messages ?? [];
  // A turn can end before its events are subscribed to (the brief without a model answers at once): the stored message says so.
  const ended = messages.some((m) => m.id === activeTurn && m.state !== 'running');
  const running = activeTurn !== null && stream.state === 'running' && !ended;

  useEffect(() => {
    if (turnId !== null && (stream.state !== 'running' || ended)) void conversation.refetch().then(() => setTurnId(null));
  }, [stream.state, ended, turnId, conversation]);

  const onAsk = (question: string) =>
    ask.mutate(
      {
        envId: env.id,
        conversationId,
        question,
        context: conversationId === null ? context : null,
        incidentId: conversationId === null ? incidentId : null,
      },
      {
        onSuccess: (started) => {
          setTurnId(started.turnId);
          if (started.conversationId !== conversationId) window.location.hash = conversationHref(started.conversationId, env.id);
        },
      },
    );

  const belongsTo = conversationId === null ? null : (conversation.data?.conversation ?? null);
  return (
    <section className="copilot-chat" aria-label="Conversation">
      {conversationId === null && incidentId !== null ? <AboutNewIncidentConversation incidentId={incidentId} /> : null}
      {belongsTo !== null && belongsTo.incidentId !== null ? (
        <AboutIncident incidentId={belongsTo.incidentId} title={belongsTo.incidentTitle ?? belongsTo.incidentId} />
      ) : null}
      {context !== null && conversationId === null ? (
        <p className="copilot-context">
          Explaining <code>{context.dagId}</code>
          {context.runId ? (
            <>
              {' '}
              run <code>{context.runId}</code>
            </>
          ) : null}
          {context.taskId ? (
            <>
              {' '}
              task <code>{context.taskId}</code>
            </>
          ) : null}
          . Ask a question to start.
        </p>
      ) : null}
      <div className="copilot-messages">
        {messages.map((m) =>
          m.id === activeTurn && m.state === 'running' ? (
            <StreamingAnswer key={m.id} stream={stream} />
          ) : (
            <MessageView key={m.id} env={env} message={m} conversationId={conversationId ?? undefined} />
          ),
        )}
        {activeTurn !== null && !messages.some((m) => m.id === activeTurn) ? <StreamingAnswer stream={stream} /> : null}
      </div>
      {ask.error !== null ? <ApiErrorNotice error={ask.error} title="The question was not sent" /> : null}
      <Composer
        briefOnly={!modelReady}
        running={running}
        onAsk={onAsk}
        onStop={() => activeTurn !== null && stop.mutate({ envId: env.id, turnId: activeTurn })}
      />
    </section>
  );
}
