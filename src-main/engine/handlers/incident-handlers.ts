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
  return {
    'incidents.list': ({ envId, status }) => ctx.incidents.list(envId, status),
    'incidents.get': ({ incidentId }) => ctx.incidents.get(incidentId),
    'incidents.timeline': ({ incidentId }) => ctx.incidents.timeline(incidentId),
    'incidents.create': ({ envId, title, from }) => ctx.incidents.create(envId, title, from),
    'incidents.pin': ({ incidentId, target }) => ctx.incidents.pin(incidentId, target),
    'incidents.unpin': ({ incidentId, pinId }) => ({ removed: ctx.incidents.unpin(incidentId, pinId) }),
    'incidents.note': ({ incidentId, text }) => ctx.incidents.note(incidentId, text),
    'incidents.update': ({ incidentId, title, summary, status }) => ctx.incidents.update(incidentId, { title, summary, status }),
    'incidents.delete': ({ incidentId }) => ({ deleted: ctx.incidents.delete(incidentId) }),
    'incidents.export': ({ incidentId }) => {
      const file = ctx.incidents.export(incidentId);
      return { ...file, text: redactSecrets(file.text) };
    },
    'incidents.import': ({ text }) => ctx.incidents.import(text),
  };
}
