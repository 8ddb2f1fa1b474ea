import { useApiQuery } from '../../platform/api/use-api-query';
import { incidentHref } from '../../platform/routing/incident-links';

/** "About incident: <title>", linking to the incident a conversation belongs to (the title as text). */
export function AboutIncident({ incidentId, title, starting = false }: { incidentId: string; title: string; starting?: boolean }) {
  return (
    <p className="copilot-context copilot-incident">
      About incident: <a href={incidentHref(incidentId)}>{title}</a>
      {starting ? '. Ask a question to start; the copilot looks at the runs pinned to it.' : null}
    </p>
  );
}

/** The line for a new conversation opened from an incident's page: the incident's title is read from its record. */
export function AboutNewIncidentConversation({ incidentId }: { incidentId: string }) {
  const incident = useApiQuery('incidents.get', { incidentId });
  return <AboutIncident incidentId={incidentId} title={incident.data?.title ?? incidentId} starting />;
}
