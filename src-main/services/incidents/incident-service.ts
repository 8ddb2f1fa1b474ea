import { userInfo } from 'node:os';
import type Database from 'better-sqlite3';
import { ApiError } from '../../../src-shared/api/errors';
import type {
  Incident,
  IncidentPin,
  IncidentStatus,
  IncidentSummary,
  PinTarget,
  TimelineEntry,
} from '../../../src-shared/domain/incidents';
import type { AuditLog } from '../actions/audit-log';
import type { AnalyticsStore } from '../analytics/analytics-store';
import type { TaskInvestigator } from '../investigate/task-investigation';
import { HistoryEvents } from './history-events';
import { incidentFileText, parseIncidentFile } from './incident-file';
import { newId, IncidentStore } from './incident-store';
import { buildTimeline } from './incident-timeline';
import { sanitizeFileName } from '../../platform/file-name';
import { PinReader } from './pin-snapshot';

function osUser(): string {
  try {
    return userInfo().username;
  } catch {
    return process.env.USER ?? process.env.USERNAME ?? 'unknown';
  }
}

const notFound = (): ApiError =>
  new ApiError('not_found', 'There is no such incident on this machine.', 'Pick one from Incidents & reports.');

/** The incident workspace: incidents in the local cache, their pins, notes, status and timeline, and their single-file export. */
export class IncidentService {
  readonly store: IncidentStore;
  private readonly pins: PinReader;
  private readonly history: HistoryEvents;
  private readonly envName;

  constructor(
    db: Database.Database,
    analytics: AnalyticsStore,
    tasks: TaskInvestigator,
    private readonly audit: AuditLog,
  ) {
    this.store = new IncidentStore(db);
    this.pins = new PinReader(db, analytics, tasks);
    this.history = new HistoryEvents(db);
    this.envName = db.prepare('SELECT name FROM environments WHERE id = ?').pluck();
  }

  list(envId: string | undefined, status: IncidentStatus | undefined): IncidentSummary[] {
    return this.store.list(envId, status);
  }

  get(id: string): Incident {
    const incident = this.store.get(id);
    if (incident === null) throw notFound();
    return incident;
  }

  create(envId: string, title: string | undefined, from: PinTarget | undefined): IncidentSummary {
    const name = this.envName.get(envId) as string | undefined;
    if (name === undefined)
      throw new ApiError('not_found', `There is no environment "${envId}".`, 'Pick an environment from the switcher.');
    if (from !== undefined && 'envId' in from && from.envId !== null && from.envId !== envId) {
      throw new ApiError('invalid_input', 'The item to pin belongs to another environment than the incident.');
    }
    const snapshot = from === undefined ? null : this.pins.snapshot(from);
    const now = new Date().toISOString();
    const id = newId('inc');
    const incidentTitle = title ?? (snapshot === null ? `Incident in ${name}` : snapshot.title).slice(0, 300);
    this.store.create({
      id,
      envId,
      envName: name,
      title: incidentTitle,
      status: 'open',
      summary: '',
      imported: false,
      createdAt: now,
      updatedAt: now,
    });
    if (from !== undefined && snapshot !== null) this.store.addPin(id, { id: newId('pin'), target: from, snapshot, pinnedAt: now });
    return this.store.list(envId, undefined).find((i) => i.id === id) as IncidentSummary;
  }

  pin(incidentId: string, target: PinTarget): IncidentPin {
    const incident = this.get(incidentId);
    if ('envId' in target && target.envId !== null && target.envId !== incident.envId) {
      throw new ApiError(
        'invalid_input',
        `This incident is about ${incident.envName}; the item is from another environment.`,
        'Open or create an incident in that environment.',
      );
    }
    const pin = { id: newId('pin'), target, snapshot: this.pins.snapshot(target), pinnedAt: new Date().toISOString() };
    this.store.addPin(incidentId, pin);
    return pin;
  }

  unpin(incidentId: string, pinId: string): boolean {
    this.get(incidentId);
    return this.store.removePin(incidentId, pinId);
  }

  note(incidentId: string, text: string): Incident {
    this.get(incidentId);
    this.store.addNote(incidentId, { id: newId('note'), at: new Date().toISOString(), author: osUser(), kind: 'note', text });
    return this.get(incidentId);
  }

  update(
    incidentId: string,
    patch: { title?: string | undefined; summary?: string | undefined; status?: IncidentStatus | undefined },
  ): Incident {
    const current = this.get(incidentId);
    const status = patch.status ?? current.status;
    this.store.update(incidentId, { title: patch.title ?? current.title, summary: patch.summary ?? current.summary, status });
    if (status !== current.status) {
      this.store.addNote(incidentId, {
        id: newId('note'),
        at: new Date().toISOString(),
        author: osUser(),
        kind: 'status',
        text: `Status changed from ${current.status} to ${status} by ${osUser()}`,
      });
    }
    return this.get(incidentId);
  }

  delete(incidentId: string): boolean {
    return this.store.delete(incidentId);
  }

  timeline(incidentId: string): TimelineEntry[] {
    const incident = this.get(incidentId);
    const local = this.envName.get(incident.envId) !== undefined;
    return buildTimeline(incident, local ? this.history : null, local ? this.audit.list(incident.envId, 5000) : []);
  }

  export(incidentId: string): { fileName: string; text: string } {
    const incident = this.get(incidentId);
    return { fileName: sanitizeFileName(`incident-${incident.title}`, 'json'), text: incidentFileText(incident) };
  }

  /** Imports a file; keeps its id unless one with that id is already here. */
  import(text: string): IncidentSummary {
    const file = parseIncidentFile(text);
    const i = file.incident;
    const id = this.store.exists(i.id) ? newId('inc') : i.id;
    this.store.insertWhole({ ...i, id, imported: true }, file.pins, file.notes);
    return this.store.list(undefined, undefined).find((s) => s.id === id) as IncidentSummary;
  }
}
