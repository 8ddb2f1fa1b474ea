import { Rng } from './prng';
import type { DagSpec, Schedule, TaskSpec } from './catalogue-types';
import { buildShape, SHAPE_WEIGHTS, type ShapeKind } from './dag-shapes';
import { cadenceWord, DagIdAllocator, describeDag } from './dag-naming';
import { assignIncidents } from './incident-assignment';
import type { IncidentPlan } from './incident-types';
import type { HistoryWindow } from './incident-planner';
import { DAY } from './instants';
import { draftTask } from './operators';
import { timeSchedule, type Cadence } from './schedules';
import { TaskGraphBuilder } from './task-graph-builder';
import { DOMAINS, EXTRA_TAGS, PEOPLE, PURPOSES, type Domain } from './vocabulary';

export interface PlannedDag {
  readonly spec: DagSpec;
  readonly domain: Domain;
  readonly incident: IncidentPlan | null;
}

export interface AssetSpec {
  readonly uri: string;
  readonly name: string;
  readonly producers: readonly { readonly dagId: string; readonly taskId: string }[];
  readonly consumers: readonly string[];
}

/**
 * Every DAG of the environment, listed so that asset producers and trigger
 * parents come before the DAGs that depend on them (history is generated in
 * this order, one DAG at a time).
 */
export interface Catalogue {
  readonly dags: readonly PlannedDag[];
  readonly assets: readonly AssetSpec[];
}

type Role = 'plain' | 'producer' | 'consumer' | 'parent' | 'child';

interface Sketch {
  readonly role: Role;
  readonly domain: Domain;
  readonly purpose: string;
  readonly cadence: Cadence | null;
  readonly dagId: string;
  uris: string[];
  childDagId: string | null;
}

const DURATION_SCALE: Readonly<Record<Cadence, number>> = { hourly: 0.25, six_hourly: 0.6, daily: 1, weekly: 1.6 };

function roleCounts(n: number): Record<Role, number> {
  const producer = n >= 3 ? Math.max(1, Math.round(n * 0.16)) : 0;
  const consumer = n >= 3 ? Math.max(1, Math.round(n * 0.12)) : 0;
  const pairs = n >= 6 ? Math.max(1, Math.round(n * 0.05)) : 0;
  return { producer, consumer, parent: pairs, child: pairs, plain: n - producer - consumer - 2 * pairs };
}

function pickCadence(rng: Rng, role: Role): Cadence {
  if (role === 'parent')
    return rng.weighted<Cadence>([
      ['hourly', 0.3],
      ['daily', 0.7],
    ]);
  return rng.weighted<Cadence>([
    ['hourly', 0.2],
    ['six_hourly', 0.12],
    ['daily', 0.58],
    ['weekly', 0.1],
  ]);
}

function sketchAll(rng: Rng, n: number): Sketch[] {
  const counts = roleCounts(n);
  const roles = (r: Role): Role[] => Array.from({ length: counts[r] }, () => r);
  const tier0 = rng.shuffled([...roles('producer'), ...roles('parent'), ...roles('plain')]);
  const tier1 = rng.shuffled([...roles('consumer'), ...roles('child')]);
  const ids = new DagIdAllocator();
  const domains = rng.shuffled(DOMAINS);
  const sketches: Sketch[] = [];
  tier0.forEach((role, i) => {
    const domain = domains[i % domains.length] ?? rng.pick(DOMAINS);
    const purpose = rng.pick(PURPOSES.filter((p) => p !== 'mart_refresh'));
    const cadence = pickCadence(rng, role);
    const dagId = ids.allocate(`${domain.name}_${purpose}_${cadenceWord(cadence)}`, rng);
    sketches.push({ role, domain, purpose, cadence, dagId, uris: [], childDagId: null });
  });
  // Assets: one per producer, s3://lake/<domain>/<cadence> when free.
  const uris = new Set<string>();
  const assetOwner = new Map<string, Sketch>();
  for (const s of sketches.filter((x) => x.role === 'producer')) {
    const cadence = cadenceWord(s.cadence ?? 'daily');
    const candidates = rng.chance(0.7)
      ? [`s3://lake/${s.domain.name}/${cadence}`, `s3://lake/${s.domain.name}/${s.purpose}_${cadence}`]
      : [`postgres://warehouse/analytics/fct_${s.domain.entity}`, `postgres://warehouse/analytics/fct_${s.domain.entity}_${cadence}`];
    const uri = candidates.find((u) => !uris.has(u)) ?? `s3://lake/${s.dagId}`;
    uris.add(uri);
    s.uris.push(uri);
    assetOwner.set(uri, s);
  }
  const assetList = rng.shuffled([...uris]);
  const parents = sketches.filter((x) => x.role === 'parent');
  let consumerNo = 0;
  let childNo = 0;
  for (const role of tier1) {
    if (role === 'consumer') {
      const first = assetList[consumerNo++ % Math.max(1, assetList.length)];
      const consumed = first ? [first] : [];
      const second = rng.pick(assetList.length > 0 ? assetList : ['']);
      if (rng.chance(0.3) && second && second !== first) consumed.push(second);
      const owner = first ? assetOwner.get(first) : undefined;
      const domain = owner?.domain ?? rng.pick(DOMAINS);
      const purpose = rng.pick(['mart_refresh', 'report', 'aggregates', 'features', 'export']);
      const dagId = ids.allocate(`${domain.name}_${purpose}`, rng);
      sketches.push({ role, domain, purpose, cadence: null, dagId, uris: consumed, childDagId: null });
    } else {
      const parent = parents[childNo++];
      const domain = parent?.domain ?? rng.pick(DOMAINS);
      const purpose = rng.pick(['partner_export', 'publish', 'notify_downstream', 'archive']);
      const dagId = ids.allocate(`${domain.name}_${purpose}`, rng);
      if (parent) parent.childDagId = dagId;
      sketches.push({ role, domain, purpose, cadence: null, dagId, uris: [], childDagId: null });
    }
  }
  return sketches;
}

function scheduleOf(s: Sketch, rng: Rng): Schedule {
  if (s.role === 'consumer') {
    return { kind: 'asset', uris: s.uris, expression: s.uris.map((u) => `Asset("${u}")`).join(' & ') };
  }
  if (s.role === 'child' || !s.cadence) return { kind: 'none' };
  return timeSchedule(s.cadence, rng);
}

function buildTasks(s: Sketch, shape: ShapeKind, rng: Rng, scale: number): TaskSpec[] {
  const g = new TaskGraphBuilder();
  buildShape(shape, { rng, domain: s.domain, durationScale: scale }, g);
  const e = s.domain.entity;
  if (s.role === 'producer') {
    const uri = s.uris[0] ?? null;
    g.add(draftTask(rng, scale, { taskId: `publish_${e}`, operator: 'PythonOperator', outletUri: uri, weight: 0.1 }), g.sinks());
  }
  if (s.role === 'parent' && s.childDagId) {
    g.add(
      draftTask(rng, scale, {
        taskId: `trigger_${s.childDagId}`,
        operator: 'TriggerDagRunOperator',
        behaviour: { kind: 'trigger', childDagId: s.childDagId },
      }),
      g.sinks(),
    );
  }
  return g.build();
}

function deploysOf(rng: Rng, window: HistoryWindow): number[] {
  const out: number[] = [];
  for (let t = window.start - rng.int(0, 20) * DAY; t < window.end; t += rng.uniform(7, 35) * DAY) {
    out.push(Math.round(t / 1000) * 1000);
  }
  return out;
}

function specOf(s: Sketch, shape: ShapeKind, seed: number, window: HistoryWindow, paused: boolean): DagSpec {
  const rng = Rng.derive(seed, `dag-spec:${s.dagId}`);
  const schedule = scheduleOf(s, rng);
  const scale = s.cadence ? DURATION_SCALE[s.cadence] : s.role === 'consumer' ? 0.6 : 0.5;
  const tasks = buildTasks(s, shape, rng, scale);
  const span = window.end - window.start;
  const owners = rng.chance(0.4) ? [s.domain.team, rng.pick(PEOPLE)] : [s.domain.team];
  const tags = [
    s.domain.name,
    s.cadence ? cadenceWord(s.cadence) : s.role === 'consumer' ? 'asset-driven' : 'triggered',
    `team:${s.domain.team}`,
  ];
  if (rng.chance(0.35)) tags.push(rng.pick(EXTRA_TAGS));
  const cadenceText = s.cadence ? cadenceWord(s.cadence) : s.role === 'consumer' ? 'asset-driven' : 'on trigger';
  const backfill = s.role === 'plain' && s.cadence === 'daily' && rng.chance(0.08) && span > 10 * DAY;
  return {
    dagId: s.dagId,
    description: describeDag(s.purpose, cadenceText, s.domain.name, s.domain.entity, s.domain.sourceHost),
    owners,
    owner: owners[owners.length - 1] ?? s.domain.team,
    tags,
    fileloc: `/opt/airflow/dags/${s.domain.name}/${s.dagId}.py`,
    schedule,
    tasks,
    maxActiveRuns: rng.chance(0.2) ? 1 : 16,
    paramsJson: rng.chance(0.3) ? JSON.stringify({ full_refresh: false, lookback_days: rng.int(1, 7) }) : null,
    seasonality: {
      dailyAmplitude: rng.uniform(0.05, 0.3),
      peakHour: rng.pick([2, 3, 9, 10, 11, 14, 15]),
      weekendFactor: rng.uniform(0.7, 1.15),
      driftPerDay: rng.uniform(-0.0015, 0.0015),
    },
    deploys: deploysOf(rng, window),
    pausedAt: paused ? Math.round(window.start + rng.uniform(0.3, 0.9) * span) : null,
    manualPerWeek: rng.chance(0.3) ? rng.uniform(0.2, 2) : 0,
    triggersNearNow: [],
    backfill: backfill ? { at: Math.round(window.start + rng.uniform(0.2, 0.8) * span), days: rng.int(5, 14) } : null,
  };
}

/** Every shape once (in random DAGs) when there are enough DAGs, the rest by weight. */
function shapesFor(rng: Rng, count: number): ShapeKind[] {
  const shapes = Array.from({ length: count }, () => rng.weighted<ShapeKind>(SHAPE_WEIGHTS));
  if (count < SHAPE_WEIGHTS.length * 2) return shapes;
  const slots = rng.shuffled(shapes.map((_, i) => i));
  SHAPE_WEIGHTS.forEach(([shape], k) => {
    const i = slots[k];
    if (i !== undefined) shapes[i] = shape;
  });
  return shapes;
}

/**
 * A few DAGs get a manual trigger in the last minutes: one a fraction of a
 * second before "now" (still queued), one seconds before (surely running),
 * the others minutes before (running or just done).
 */
function withTriggersNearNow<T extends { spec: DagSpec }>(drafts: T[], rng: Rng, window: HistoryWindow): T[] {
  const active = rng.shuffled(
    drafts
      .map((d, i) => ({ d, i }))
      .filter(({ d }) => d.spec.pausedAt === null)
      .map(({ i }) => i),
  );
  const chosen = active.slice(0, Math.max(2, Math.round(drafts.length * 0.08)));
  return drafts.map((d, i) => {
    const k = chosen.indexOf(i);
    if (k < 0) return d;
    const at = k === 0 ? window.end - 400 : k === 1 ? window.end - 10_000 : window.end - Math.round(rng.uniform(1, 15) * 60_000);
    return { ...d, spec: { ...d.spec, triggersNearNow: [at] } };
  });
}

/** Draws the DAG catalogue and places the labelled incidents in it. */
export function buildCatalogue(seed: number, dagCount: number, window: HistoryWindow): Catalogue {
  const rng = Rng.derive(seed, 'catalogue');
  const sketches = sketchAll(rng, dagCount);
  const plainIds = sketches.filter((s) => s.role === 'plain').map((s) => s.dagId);
  const pausedCount = dagCount >= 8 ? Math.max(1, Math.round(plainIds.length * 0.06)) : 0;
  const paused = new Set(rng.shuffled(plainIds).slice(0, pausedCount));
  const shapes = shapesFor(rng, sketches.length);
  const specs = withTriggersNearNow(
    sketches.map((s, i) => ({ spec: specOf(s, shapes[i] ?? 'linear', seed, window, paused.has(s.dagId)), domain: s.domain })),
    rng,
    window,
  );
  const dags = assignIncidents(specs, seed, window, rng);
  const assets: AssetSpec[] = [];
  for (const s of sketches) {
    for (const uri of s.role === 'producer' ? s.uris : []) {
      const spec = dags.find((d) => d.spec.dagId === s.dagId)?.spec;
      const taskId = spec?.tasks.find((t) => t.outletUri === uri)?.taskId ?? '';
      const consumers = sketches.filter((c) => c.role === 'consumer' && c.uris.includes(uri)).map((c) => c.dagId);
      assets.push({ uri, name: uri.split('/').slice(-2).join('_'), producers: [{ dagId: s.dagId, taskId }], consumers });
    }
  }
  return { dags, assets };
}
