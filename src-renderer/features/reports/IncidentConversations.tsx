import { useApiQuery } from '../../platform/api/use-api-query';
import { conversationHref, incidentCopilotHref } from '../../platform/routing/copilot-route';
import { formatAbsolute } from '../../platform/time/format-relative';

/** "Ask the copilot" about an incident: opens a new conversation that belongs to it, in its environment. */
export function AskCopilotButton({ incidentId, envId }: { incidentId: string; envId: string }) {
  return (
    <a className="button" href={incidentCopilotHref(incidentId, envId)}>
      Ask the copilot
    </a>
  );
}

/** The copilot conversations that belong to an incident, newest first, as links. */
export function IncidentConversations({ incidentId, envId }: { incidentId: string; envId: string }) {
  const list = useApiQuery('copilot.conversations', { envId, incidentId });
  // An imported incident's environment may not exist on this machine: then it has no conversations here.
  const items = list.data ?? [];
  return (
    <section aria-label="Copilot conversations" className="incident-conversations">
      <h3 className="section-title">Copilot conversations · {items.length}</h3>
      {items.length === 0 ? <p className="muted">None yet: “Ask the copilot” starts one about this incident.</p> : null}
      <ul className="incident-notes">
        {items.map((c) => (
          <li key={c.id}>
            <a href={conversationHref(c.id, envId)}>{c.title}</a> <span className="muted mono">{formatAbsolute(c.updatedAt)}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
