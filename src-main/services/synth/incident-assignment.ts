import { Rng } from './prng';
import type { DagSpec } from './catalogue-types';
import { NEW_ERROR_CAUSES, type NewErrorCause } from './failure-causes';
import { isEligible, planIncident, type HistoryWindow, type PlannedIncident } from './incident-planner';
import { INCIDENT_KINDS, type IncidentKind, type IncidentPlan } from './incident-types';
import { DAY } from './instants';
import type { Domain } from './vocabulary';

interface Drafted {
  readonly spec: DagSpec;
  readonly domain: Domain;
}

/** Share of the remaining DAGs that get an incident once every kind has one. */
const EXTRA_INCIDENT_SHARE = 0.25;

function withIncident(spec: DagSpec, planned: PlannedIncident): DagSpec {
  if (planned.deploys.length === 0) return { ...spec, tasks: planned.tasks };
  const lo = Math.min(...planned.deploys) - DAY;
  const hi = Math.max(...planned.deploys) + DAY;
  const deploys = [...spec.deploys.filter((d) => d < lo || d > hi), ...planned.deploys].sort((a, b) => a - b);
  return { ...spec, tasks: planned.tasks, deploys };
}

/**
 * Gives every incident kind to one DAG first (so even a small demo shows all
 * of them), then a quarter of the other DAGs one incident each. Paused DAGs
 * stay clean; a reserved error cause is used by one DAG only.
 */
export function assignIncidents(
  drafted: readonly Drafted[],
  seed: number,
  window: HistoryWindow,
  rng: Rng,
): { spec: DagSpec; domain: Domain; incident: IncidentPlan | null }[] {
  const causes: NewErrorCause[] = [...NEW_ERROR_CAUSES];
  const order = rng.shuffled(drafted.map((_, i) => i).filter((i) => drafted[i]?.spec.pausedAt === null));
  const chosen = new Map<number, IncidentKind>();
  const eligible = (i: number, kind: IncidentKind): boolean => {
    const d = drafted[i];
    if (!d) return false;
    const input = {
      tasks: d.spec.tasks,
      schedule: d.spec.schedule,
      window,
      resource: d.domain.sourceHost,
      newCause: causes[chosenCauses(chosen)] ?? null,
    };
    return isEligible(kind, input);
  };
  for (const kind of INCIDENT_KINDS) {
    const i = order.find((x) => !chosen.has(x) && eligible(x, kind));
    if (i !== undefined) chosen.set(i, kind);
  }
  for (const i of order) {
    if (chosen.has(i) || !rng.chance(EXTRA_INCIDENT_SHARE)) continue;
    const kind = rng.shuffled(INCIDENT_KINDS).find((k) => eligible(i, k));
    if (kind) chosen.set(i, kind);
  }
  let causeNo = 0;
  return drafted.map((d, i) => {
    const kind = chosen.get(i);
    if (!kind) return { ...d, incident: null };
    const newCause = kind === 'new_error_pattern' ? (causes[causeNo++] ?? null) : null;
    const planned = planIncident(kind, {
      rng: Rng.derive(seed, `incident:${d.spec.dagId}`),
      tasks: d.spec.tasks,
      schedule: d.spec.schedule,
      window,
      resource: d.domain.sourceHost,
      newCause,
    });
    return { spec: withIncident(d.spec, planned), domain: d.domain, incident: planned.plan };
  });
}

function chosenCauses(chosen: ReadonlyMap<number, IncidentKind>): number {
  let n = 0;
  for (const kind of chosen.values()) if (kind === 'new_error_pattern') n++;
  return n;
}
