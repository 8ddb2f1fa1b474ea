import type { DagSpec } from './catalogue-types';
import type { HistoryWindow } from './incident-planner';
import { DAY, HOUR, iso, MINUTE } from './instants';
import type { QueueSpikeDetail, SynthLabel } from './label-types';
import { Rng } from './prng';

/**
 * An environment-wide incident: the executor stops taking tasks of one pool
 * for one to two hours, with the pool's slots free. Tasks queued in
 * the window start only when it ends (their usual short wait after that).
 *
 * It is drawn from its own random stream and touches only DAGs that have no
 * incident, produce no asset and trigger no DAG, and only their first tries,
 * so every other incident of a seed (and every other DAG) is unchanged.
 */
export interface QueueStall {
  readonly pool: string;
  readonly start: number;
  readonly end: number;
}

/** DAGs whose timing may move without moving anything else. */
export function stallableDag(dag: DagSpec, hasIncident: boolean): boolean {
  return !hasIncident && dag.pausedAt === null && !dag.tasks.some((t) => t.outletUri !== null || t.behaviour.kind === 'trigger');
}

/** The pool with the most task instances a day in stallable DAGs, and a window of one to two hours placed like other incidents. */
export function planQueueStall(
  seed: number,
  window: HistoryWindow,
  dags: readonly { spec: DagSpec; incident: unknown }[],
): QueueStall | null {
  const tasksByPool = new Map<string, number>();
  for (const d of dags) {
    if (!stallableDag(d.spec, d.incident !== null)) continue;
    const perDay = d.spec.schedule.kind === 'time' ? DAY / d.spec.schedule.periodMs : 1;
    for (const t of d.spec.tasks) tasksByPool.set(t.pool, (tasksByPool.get(t.pool) ?? 0) + perDay);
  }
  const pool = [...tasksByPool].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]?.[0];
  const from = window.start + 0.15 * (window.end - window.start);
  const to = window.end - 2 * DAY;
  if (pool === undefined || to - from < DAY) return null;
  const rng = Rng.derive(seed, 'queue-stall');
  const hour = Math.floor(rng.uniform(from, to - HOUR) / HOUR) * HOUR;
  const start = hour + rng.int(0, 5) * MINUTE;
  return { pool, start, end: start + rng.int(60, 120) * MINUTE };
}

/** When a first try queued at `queuedAt` in `pool` starts, given its usual wait. */
export function stalledStart(stall: QueueStall | null, pool: string, queuedAt: number, startAt: number): number {
  if (!stall || pool !== stall.pool || queuedAt < stall.start || queuedAt >= stall.end) return startAt;
  return stall.end + (startAt - queuedAt);
}

type StalledTi = QueueSpikeDetail['taskInstances'][number];

/** The task instances whose recorded (final) try waited out the stall: the label's ground truth. */
export class StallRecorder {
  readonly tis: StalledTi[] = [];

  constructor(readonly stall: QueueStall) {}

  record(dagId: string, runId: string, taskId: string, mapIndex: number, queuedAt: number, startAt: number): void {
    this.tis.push({
      dagId,
      runId,
      taskId,
      mapIndex,
      queuedAt: iso(queuedAt),
      startDate: iso(startAt),
      waitS: Math.round(startAt - queuedAt) / 1000,
    });
  }

  /** The label, named after the DAG with the most stalled instances; null when nothing was queued in the window. */
  label(): SynthLabel | null {
    if (this.tis.length === 0) return null;
    const counts = new Map<string, number>();
    for (const t of this.tis) counts.set(t.dagId, (counts.get(t.dagId) ?? 0) + 1);
    const dagId = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]?.[0] ?? '';
    const tis = [...this.tis].sort((a, b) => (a.queuedAt < b.queuedAt ? -1 : a.queuedAt > b.queuedAt ? 1 : 0));
    return {
      labelId: `queue_spike:${this.stall.pool}`,
      kind: 'queue_spike',
      dagId,
      taskId: null,
      startsAt: tis[0]?.queuedAt ?? iso(this.stall.start),
      endsAt: tis.reduce((m, t) => (t.startDate > m ? t.startDate : m), iso(this.stall.end)),
      detail: { pool: this.stall.pool, stallStart: iso(this.stall.start), stallEnd: iso(this.stall.end), taskInstances: tis },
    };
  }
}
