import type Database from 'better-sqlite3';
import { ApiError } from '../../../src-shared/api/errors';
import type { CopilotContext } from '../../../src-shared/domain/copilot';
import { PinSnapshot, PinTarget } from '../../../src-shared/domain/incidents';

interface IncidentRow {
  env_id: string;
  env_name: string;
  title: string;
}

interface PinRow {
  target_json: string;
  snapshot_json: string;
}

/**
 * Checks that a new conversation may belong to this incident: it exists on this machine and is about the same
 * environment as the question. Returns the incident id; throws an ApiError that says what to do otherwise.
 */
export function checkConversationIncident(db: Database.Database, envId: string, incidentId: string): string {
  const incident = db.prepare('SELECT env_id, env_name, title FROM incidents WHERE incident_id = ?').get(incidentId) as
    | IncidentRow
    | undefined;
  if (incident === undefined) {
    throw new ApiError(
      'not_found',
      `There is no incident "${incidentId}" on this machine.`,
      'Open the copilot from the incident’s page, or ask without an incident.',
    );
  }
  if (incident.env_id !== envId) {
    const here = (db.prepare('SELECT name FROM environments WHERE id = ?').pluck().get(envId) as string | undefined) ?? envId;
    throw new ApiError(
      'invalid_input',
      `Incident "${incident.title}" is about environment ${incident.env_name}, not ${here}.`,
      `Use “Ask the copilot” on the incident’s page: it opens the copilot in ${incident.env_name}.`,
    );
  }
  return incidentId;
}

type RunPin = Extract<PinTarget, { kind: 'run' | 'task_instance' | 'log_excerpt' }>;

const isRunPin = (target: PinTarget): target is RunPin =>
  target.kind === 'run' || target.kind === 'task_instance' || target.kind === 'log_excerpt';

/** The state the pinned item had when it was pinned (its snapshot's "State" fact), if it says. */
function pinnedState(snapshotJson: string): string | null {
  try {
    const snapshot = PinSnapshot.safeParse(JSON.parse(snapshotJson));
    return snapshot.success ? (snapshot.data.facts.find(([label]) => label === 'State')?.[1] ?? null) : null;
  } catch {
    return null;
  }
}

function targetOf(targetJson: string): PinTarget | null {
  try {
    const target = PinTarget.safeParse(JSON.parse(targetJson));
    return target.success ? target.data : null;
  } catch {
    return null;
  }
}

/**
 * What a question about an incident is about when it names nothing: the first pinned failed run or task instance
 * (a log excerpt counts as its task instance), else the first pinned run or task instance at all, else nothing.
 */
export function incidentContext(db: Database.Database, incidentId: string): CopilotContext | null {
  const rows = db
    .prepare('SELECT target_json, snapshot_json FROM incident_pins WHERE incident_id = ? ORDER BY pinned_at, pin_id')
    .all(incidentId) as PinRow[];
  const pins = rows.flatMap((row) => {
    const target = targetOf(row.target_json);
    return target !== null && isRunPin(target) ? [{ target, state: pinnedState(row.snapshot_json) }] : [];
  });
  const chosen = pins.find((p) => p.target.kind !== 'log_excerpt' && p.state === 'failed') ?? pins[0];
  if (chosen === undefined) return null;
  const { dagId, runId } = chosen.target;
  return chosen.target.kind === 'run' ? { dagId, runId } : { dagId, runId, taskId: chosen.target.taskId };
}
