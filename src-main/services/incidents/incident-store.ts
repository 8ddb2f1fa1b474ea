import { randomBytes } from 'node:crypto';
import type Database from 'better-sqlite3';
import {
  IncidentNote,
  IncidentPin,
  type Incident,
  type IncidentStatus,
  type IncidentSummary,
  type PinSnapshot,
  type PinTarget,
} from '../../../src-shared/domain/incidents';

interface IncidentRow {
  incident_id: string;
  env_id: string;
  env_name: string;
  title: string;
  status: IncidentStatus;
  summary: string;
  imported: number;
  created_at: string;
  updated_at: string;
  pin_count: number;
}

interface PinRow {
  pin_id: string;
  target_json: string;
  snapshot_json: string;
  pinned_at: string;
}

interface NoteRow {
  note_id: string;
  at: string;
  author: string;
  kind: 'note' | 'status';
  text: string;
}

export const newId = (prefix: string): string => `${prefix}-${randomBytes(6).toString('hex')}`;

const SUMMARY_SQL = `SELECT i.*, (SELECT COUNT(*) FROM incident_pins p WHERE p.incident_id = i.incident_id) AS pin_count FROM incidents i`;

const toSummary = (r: IncidentRow): IncidentSummary => ({
  id: r.incident_id,
  envId: r.env_id,
  envName: r.env_name,
  title: r.title,
  status: r.status,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
  pinCount: r.pin_count,
  imported: r.imported === 1,
});

export interface NewIncident {
  id: string;
  envId: string;
  envName: string;
  title: string;
  status: IncidentStatus;
  summary: string;
  imported: boolean;
  createdAt: string;
  updatedAt: string;
}

/** The incident tables; every statement fixed, values bound. Pins and notes are parsed again on read. */
export class IncidentStore {
  private readonly insertIncident;
  private readonly insertPin;
  private readonly insertNote;
  private readonly touch;

  constructor(private readonly db: Database.Database) {
    this.insertIncident = db.prepare(
      `INSERT INTO incidents (incident_id, env_id, env_name, title, status, summary, imported, created_at, updated_at)
       VALUES (@id, @envId, @envName, @title, @status, @summary, @imported, @createdAt, @updatedAt)`,
    );
    this.insertPin = db.prepare(
      'INSERT INTO incident_pins (incident_id, pin_id, kind, target_json, snapshot_json, pinned_at) VALUES (?, ?, ?, ?, ?, ?)',
    );
    this.insertNote = db.prepare('INSERT INTO incident_notes (incident_id, note_id, at, author, kind, text) VALUES (?, ?, ?, ?, ?, ?)');
    this.touch = db.prepare('UPDATE incidents SET updated_at = ? WHERE incident_id = ?');
  }

  exists(id: string): boolean {
    return this.db.prepare('SELECT 1 FROM incidents WHERE incident_id = ?').get(id) !== undefined;
  }

  list(envId: string | undefined, status: IncidentStatus | undefined): IncidentSummary[] {
    const rows = this.db
      .prepare(
        `${SUMMARY_SQL} WHERE (@envId IS NULL OR i.env_id = @envId) AND (@status IS NULL OR i.status = @status) ORDER BY i.updated_at DESC, i.incident_id`,
      )
      .all({ envId: envId ?? null, status: status ?? null }) as IncidentRow[];
    return rows.map(toSummary);
  }

  get(id: string): Incident | null {
    const row = this.db.prepare(`${SUMMARY_SQL} WHERE i.incident_id = ?`).get(id) as IncidentRow | undefined;
    if (row === undefined) return null;
    const pins = (
      this.db
        .prepare('SELECT pin_id, target_json, snapshot_json, pinned_at FROM incident_pins WHERE incident_id = ? ORDER BY pinned_at, pin_id')
        .all(id) as PinRow[]
    )
      .map((p) =>
        IncidentPin.safeParse({
          id: p.pin_id,
          target: JSON.parse(p.target_json),
          snapshot: JSON.parse(p.snapshot_json),
          pinnedAt: p.pinned_at,
        }),
      )
      .flatMap((parsed) => (parsed.success ? [parsed.data] : []));
    const notes = (
      this.db
        .prepare('SELECT note_id, at, author, kind, text FROM incident_notes WHERE incident_id = ? ORDER BY at, note_id')
        .all(id) as NoteRow[]
    ).map((n) => IncidentNote.parse({ id: n.note_id, at: n.at, author: n.author, kind: n.kind, text: n.text }));
    return { ...toSummary(row), summary: row.summary, pins, notes };
  }

  create(incident: NewIncident): void {
    this.insertIncident.run({ ...incident, imported: incident.imported ? 1 : 0 });
  }

  addPin(incidentId: string, pin: { id: string; target: PinTarget; snapshot: PinSnapshot; pinnedAt: string }): void {
    this.db.transaction(() => {
      this.insertPin.run(incidentId, pin.id, pin.target.kind, JSON.stringify(pin.target), JSON.stringify(pin.snapshot), pin.pinnedAt);
      this.touch.run(new Date().toISOString(), incidentId);
    })();
  }

  removePin(incidentId: string, pinId: string): boolean {
    return this.db.transaction(() => {
      const removed = this.db.prepare('DELETE FROM incident_pins WHERE incident_id = ? AND pin_id = ?').run(incidentId, pinId).changes > 0;
      if (removed) this.touch.run(new Date().toISOString(), incidentId);
      return removed;
    })();
  }

  addNote(incidentId: string, note: IncidentNote): void {
    this.db.transaction(() => {
      this.insertNote.run(incidentId, note.id, note.at, note.author, note.kind, note.text);
      this.touch.run(new Date().toISOString(), incidentId);
    })();
  }

  update(id: string, fields: { title: string; summary: string; status: IncidentStatus }): void {
    this.db
      .prepare('UPDATE incidents SET title = @title, summary = @summary, status = @status, updated_at = @now WHERE incident_id = @id')
      .run({ ...fields, id, now: new Date().toISOString() });
  }

  delete(id: string): boolean {
    return this.db.prepare('DELETE FROM incidents WHERE incident_id = ?').run(id).changes > 0;
  }

  /** Writes a whole incident (an import) in one transaction. */
  insertWhole(incident: NewIncident, pins: readonly IncidentPin[], notes: readonly IncidentNote[]): void {
    this.db.transaction(() => {
      this.create(incident);
      for (const p of pins)
        this.insertPin.run(incident.id, p.id, p.target.kind, JSON.stringify(p.target), JSON.stringify(p.snapshot), p.pinnedAt);
      for (const n of notes) this.insertNote.run(incident.id, n.id, n.at, n.author, n.kind, n.text);
    })();
  }
}
