import type { Environment } from '../../../src-shared/domain/environment';
import type { Route } from '../../platform/routing/route';
import { PageHeader } from '../../ui/PageHeader';
import { useApiQuery } from '../../platform/api/use-api-query';
import { ChatView } from './ChatView';
import { ConversationList } from './ConversationList';
import { readCopilotView } from '../../platform/routing/copilot-route';
import { ModelPanel } from './ModelPanel';
import { NoModelHelp } from './NoModelHelp';
import { useModelStatus } from '../../platform/api/use-model-status';

/** The local incident copilot: models on the left, the conversation on the right. */
export function CopilotPage({ env, params }: { env: Environment; params: Route['params'] }) {
  const view = readCopilotView(params);
  const status = useModelStatus();
  const settings = useApiQuery('llm.settings.get', {});
  const ready = status?.state === 'loaded';
  return (
    <div className="page copilot-page">
      <PageHeader title="Copilot" subtitle={env.name}>
        {ready ? <span className="copilot-device">{status.device?.note}</span> : null}
      </PageHeader>
      <div className="copilot-layout">
        <aside className="copilot-side">
          <ModelPanel status={status} />
          <ConversationList envId={env.id} currentId={view.conversationId} />
        </aside>
        <div className="copilot-main">
          {!ready && status?.state !== 'loading' ? <NoModelHelp suggestedDir={settings.data?.suggestedDir ?? 'a models folder'} /> : null}
          <ChatView env={env} conversationId={view.conversationId} context={view.context} incidentId={view.incidentId} modelReady={ready} />
        </div>
      </div>
    </div>
  );
}
