import type { AuditEntry } from '../../../src-shared/domain/actions';
import type { Incident, TimelineEntry } from '../../../src-shared/domain/incidents';
import { hoursBefore } from '../history/run-time';
import type { HistoryEvents } from './history-events';

const MARGIN_HOURS = 12;
const MAX_ENTRIES = 400;

/** The DAGs an incident concerns: every DAG its pins name, in pin order. */
export function affectedDags(incident: Incident): string[] {
  return [...new Set(incident.pins.flatMap((p) => p.snapshot.dagIds))];
}

/** The stretch of history an incident looks at: its pinned moments, 12 h either side. */
export function incidentWindow(incident: Incident): { from: string; to: string } {
  const anchors = incident.pins
    .map((p) => p.snapshot.at)
    .filter((t): t is string => t !== null)
    .sort();
  const first = anchors[0] ?? incident.createdAt;
  const last = anchors[anchors.length - 1] ?? incident.createdAt;
  return { from: hoursBefore(first, MARGIN_HOURS), to: hoursBefore(last, -MARGIN_HOURS) };
}

/** An action concerns a DAG when one of its targets starts with the DAG id (targets read "dag › task · run"). */
export function actionConcerns(entry: AuditEntry, dags: readonly string[]): boolean {
  if (dags.length === 0) return true;
  return entry.targets.some((t) => dags.some((d) => t === d || t.startsWith(`${d} `)));
}

export function auditEntry(e: AuditEntry): TimelineEntry {
  return {
    at: e.at,
    kind: 'action',
    text: `${e.osUser} ran ${e.action.replace(/_/g, ' ')} on ${e.targets.join(', ')}: ${e.result}${e.message ? ` (${e.message})` : ''}`,
    dagId: null,
    route: null,
    source: 'audit log',
  };
}

/**
 * The incident's timeline: its pins at the moment each is about, its notes
 * and status changes, and, when the environment's history is on this machine,
 * what the history shows around them and the actions taken since.
 */
export function buildTimeline(incident: Incident, history: HistoryEvents | null, audit: readonly AuditEntry[]): TimelineEntry[] {
  const entries: TimelineEntry[] = [];
  for (const pin of incident.pins) {
    entries.push({
      at: pin.snapshot.at ?? pin.pinnedAt,
      kind: pin.target.kind === 'anomaly' ? 'anomaly' : 'pin',
      text: `${pin.snapshot.generated ? 'Copilot finding pinned' : 'Pinned'}: ${pin.snapshot.title}`,
      dagId: pin.snapshot.dagIds[0] ?? null,
      route: pin.snapshot.route,
      source: 'pinned',
    });
  }
  for (const note of incident.notes) {
    entries.push({
      at: note.at,
      kind: note.kind,
      text: note.kind === 'status' ? note.text : `${note.author}: ${note.text}`,
      dagId: null,
      route: null,
      source: 'incident',
    });
  }
  const dags = affectedDags(incident);
  const window = incidentWindow(incident);
  if (history !== null) for (const dagId of dags) entries.push(...history.forDag(incident.envId, dagId, window.from, window.to));
  for (const e of audit) if (e.at >= window.from && actionConcerns(e, dags)) entries.push(auditEntry(e));
  const seen = new Set<string>();
  return entries
    .filter((e) => {
      const key = `${e.kind}|${e.at}|${e.text}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0))
    .slice(0, MAX_ENTRIES);
}
