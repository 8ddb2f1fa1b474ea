import { useApiQuery } from '../../platform/api/use-api-query';
import { formatRoute } from '../../platform/routing/route';
import { conversationHref } from '../../platform/routing/copilot-route';

/** Earlier conversations of this environment. */
export function ConversationList({ envId, currentId }: { envId: string; currentId: string | null }) {
  const list = useApiQuery('copilot.conversations', { envId });
  const items = list.data ?? [];
  return (
    <nav className="copilot-conversations" aria-label="Conversations">
      <a className="button button-small" href={formatRoute('copilot', { env: envId })}>
        New conversation
      </a>
      <ul>
        {items.map((c) => (
          <li key={c.id} aria-current={c.id === currentId ? 'page' : undefined}>
            <a
              href={conversationHref(c.id, envId)}
              title={c.incidentTitle === null ? c.title : `${c.title} (about incident: ${c.incidentTitle})`}
            >
              {c.incidentId !== null ? (
                <span className="copilot-incident-mark" aria-label="About an incident">
                  ⚑{' '}
                </span>
              ) : null}
              {c.title}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
