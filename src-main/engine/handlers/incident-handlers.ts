import type { Handlers } from '../dispatcher';
import { redactSecrets } from '../../services/credentials/secret-redaction';
import type { EngineContext } from '../engine-context';

type IncidentRequest =
  | 'incidents.list'
  | 'incidents.get'
  | 'incidents.timeline'
  | 'incidents.create'
  | 'incidents.pin'
  | 'incidents.unpin'
  | 'incidents.note'
  | 'incidents.update'
  | 'incidents.delete'
  | 'incidents.export'
  | 'incidents.import';

export function incidentHandlers(ctx: EngineContext): Pick<Handlers, IncidentRequest> {
  const changed = (envId: string | null): void => ctx.events.emit('data.changed', { topics: ['incidents'], envId });
  const envOf = (incidentId: string): string => ctx.incidents.get(incidentId).envId;
  return {
    'incidents.list': ({ envId, status }) => ctx.incidents.list(envId, status),
    'incidents.get': ({ incidentId }) => ctx.incidents.get(incidentId),
    'incidents.timeline': ({ incidentId }) => ctx.incidents.timeline(incidentId),
    'incidents.create': ({ envId, title, from }) => {
      ctx.requireEnvironment(envId);
      const created = ctx.incidents.create(envId, title, from);
      changed(envId);
      return created;
    },
    'incidents.pin': ({ incidentId, target }) => {
      const pin = ctx.incidents.pin(incidentId, target);
      changed(envOf(incidentId));
      return pin;
    },
    'incidents.unpin': ({ incidentId, pinId }) => {
      const removed = ctx.incidents.unpin(incidentId, pinId);
      changed(envOf(incidentId));
      return { removed };
    },
    'incidents.note': ({ incidentId, text }) => {
      const incident = ctx.incidents.note(incidentId, text);
      changed(incident.envId);
      return incident;
    },
    'incidents.update': ({ incidentId, title, summary, status }) => {
      const incident = ctx.incidents.update(incidentId, { title, summary, status });
      changed(incident.envId);
      return incident;
    },
    'incidents.delete': ({ incidentId }) => {
      const deleted = ctx.incidents.delete(incidentId);
      changed(null);
      return { deleted };
    },
    'incidents.export': ({ incidentId }) => {
      const file = ctx.incidents.export(incidentId);
      return { ...file, text: redactSecrets(file.text) };
    },
    'incidents.import': ({ text }) => {
      const imported = ctx.incidents.import(text);
      changed(imported.envId);
      return imported;
    },
  };
}
