import { z } from 'zod';
import { defineRequest } from '../define';
import { EnvId } from '../../domain/ids';
import { Incident, IncidentId, IncidentPin, IncidentStatus, IncidentSummary, PinTarget, TimelineEntry } from '../../domain/incidents';

export const incidentRequests = {
  'incidents.list': defineRequest(
    'Incidents kept on this machine, newest first, of one environment or all',
    z.object({ envId: EnvId.optional(), status: IncidentStatus.optional() }).strict(),
    z.array(IncidentSummary),
    { scope: 'app', reads: ['incidents'] },
  ),
  'incidents.get': defineRequest('One incident with its pinned items and notes', z.object({ incidentId: IncidentId }).strict(), Incident, {
    scope: 'app',
    reads: ['incidents'],
  }),
  'incidents.timeline': defineRequest(
    'The incident timeline: pinned items, notes and status changes, and the synced history around them (first failure, retries, upstream asset events, actions taken)',
    z.object({ incidentId: IncidentId }).strict(),
    z.array(TimelineEntry),
    { scope: 'app', reads: ['incidents', 'runs', 'task_instances', 'audit', 'analytics'] },
  ),
  'incidents.create': defineRequest(
    'Opens an incident in an environment, from a failed run, an anomaly, a risk or a copilot answer (pinned first)',
    z.object({ envId: EnvId, title: z.string().trim().min(1).max(300).optional(), from: PinTarget.optional() }).strict(),
    IncidentSummary,
    { scope: 'environment', changes: ['incidents'] },
  ),
  'incidents.pin': defineRequest(
    'Pins a run, task instance, log excerpt, chart or lineage view, Cypher result, anomaly, risk or copilot answer to an incident',
    z.object({ incidentId: IncidentId, target: PinTarget }).strict(),
    IncidentPin,
    { scope: 'app', changes: ['incidents'] },
  ),
  'incidents.unpin': defineRequest(
    'Removes a pinned item from an incident',
    z.object({ incidentId: IncidentId, pinId: z.string().min(1).max(64) }).strict(),
    z.object({ removed: z.boolean() }),
    { scope: 'app', changes: ['incidents'] },
  ),
  'incidents.note': defineRequest(
    'Adds a note to an incident',
    z.object({ incidentId: IncidentId, text: z.string().trim().min(1).max(20_000) }).strict(),
    Incident,
    { scope: 'app', changes: ['incidents'] },
  ),
  'incidents.update': defineRequest(
    'Changes the title, summary or status (open, mitigated, resolved) of an incident; status changes enter the timeline',
    z
      .object({
        incidentId: IncidentId,
        title: z.string().trim().min(1).max(300).optional(),
        summary: z.string().max(20_000).optional(),
        status: IncidentStatus.optional(),
      })
      .strict(),
    Incident,
    { scope: 'app', changes: ['incidents'] },
  ),
  'incidents.delete': defineRequest(
    'Deletes an incident from this machine',
    z.object({ incidentId: IncidentId }).strict(),
    z.object({ deleted: z.boolean() }),
    { scope: 'app', changes: ['incidents'] },
  ),
  'incidents.export': defineRequest(
    'One incident as a single JSON file to share',
    z.object({ incidentId: IncidentId }).strict(),
    z.object({ fileName: z.string(), text: z.string() }),
    { scope: 'app', reads: ['incidents'] },
  ),
  'incidents.import': defineRequest(
    'Imports an incident file exported on this or another machine (validated; a clashing id gets a new one)',
    z.object({ text: z.string().min(1).max(20_000_000) }).strict(),
    IncidentSummary,
    { scope: 'app', changes: ['incidents'] },
  ),
} as const;
