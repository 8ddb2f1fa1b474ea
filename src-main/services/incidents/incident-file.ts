import { z } from 'zod';
import { ApiError } from '../../../src-shared/api/errors';
import { IncidentFile, type Incident } from '../../../src-shared/domain/incidents';

/** The incident as one JSON file: what it is, every pin with its snapshot, every note. */
export function toIncidentFile(incident: Incident, exportedAt = new Date().toISOString()): IncidentFile {
  return {
    format: 'orc-ai-desk.incident',
    version: 1,
    exportedAt,
    incident: {
      id: incident.id,
      envId: incident.envId,
      envName: incident.envName,
      title: incident.title,
      status: incident.status,
      summary: incident.summary,
      createdAt: incident.createdAt,
      updatedAt: incident.updatedAt,
    },
    pins: incident.pins,
    notes: incident.notes,
  };
}

export const incidentFileText = (incident: Incident): string => `${JSON.stringify(toIncidentFile(incident), null, 2)}\n`;

/** Parses and validates an incident file; anything else is refused with where it went wrong. */
export function parseIncidentFile(text: string): IncidentFile {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new ApiError('invalid_input', 'This is not an incident file: it is not JSON.', 'Pick a file exported with "Export incident".');
  }
  const parsed = IncidentFile.safeParse(json);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    const where = first === undefined ? '' : ` at ${first.path.join('.') || 'the top'}: ${first.message}`;
    throw new ApiError(
      'invalid_input',
      `This is not a valid incident file${where}.`,
      'Pick a file exported with "Export incident" by ORC AI Desk.',
    );
  }
  return parsed.data;
}

export type IncidentFileInput = z.input<typeof IncidentFile>;
