import type { DagRunRow, TaskInstanceRow } from '../cache/rows';
import type { DagSpec } from './catalogue-types';
import { iso, seconds } from './instants';
import type { SimRun, SimTi, SimTry } from './sim-types';

/** A task instance as it stands at "now" (the end of history). */
export interface CutTi {
  readonly sim: SimTi;
  readonly row: TaskInstanceRow;
  /** Tries before the current one (task_tries rows). */
  readonly earlier: readonly SimTry[];
  /** Every try that had ended by "now", current one included (logs and labels come from these). */
  readonly ended: readonly SimTry[];
}

export interface CutRun {
  readonly sim: SimRun;
  readonly row: DagRunRow;
  readonly tis: readonly CutTi[];
}

const EXECUTOR = 'CeleryExecutor';

interface TiFields {
  readonly state: string;
  readonly tryNumber: number;
  readonly startDate: string | null;
  readonly endDate: string | null;
  readonly durationS: number | null;
  readonly queuedAt: string | null;
  readonly hostname: string | null;
}

/** Every row built with the same property order, so the objects share one shape (it matters at millions of rows). */
function makeRow(envId: string, dag: DagSpec, runId: string, ti: SimTi, f: TiFields): TaskInstanceRow {
  const task = dag.tasks[ti.taskIndex];
  return {
    envId,
    dagId: dag.dagId,
    runId,
    taskId: task?.taskId ?? '',
    mapIndex: ti.mapIndex,
    state: f.state,
    tryNumber: f.tryNumber,
    maxTries: ti.maxTries,
    startDate: f.startDate,
    endDate: f.endDate,
    durationS: f.durationS,
    queuedAt: f.queuedAt,
    hostname: f.hostname,
    operator: task?.operator ?? null,
    pool: task?.pool ?? null,
    queue: task?.queue ?? null,
    executor: EXECUTOR,
    note: null,
  };
}

const NONE: readonly SimTry[] = [];

function cutTi(envId: string, dag: DagSpec, runId: string, ti: SimTi, asOf: number): CutTi {
  if (ti.tries.length === 0) {
    const decided = ti.decidedAt <= asOf;
    const at = decided ? iso(ti.decidedAt) : null;
    const f = {
      state: decided ? ti.state : 'none',
      tryNumber: 0,
      startDate: at,
      endDate: at,
      durationS: null,
      queuedAt: null,
      hostname: null,
    };
    return { sim: ti, row: makeRow(envId, dag, runId, ti, f), earlier: NONE, ended: NONE };
  }
  let keptCount = 0;
  while (keptCount < ti.tries.length && (ti.tries[keptCount]?.queuedAt ?? Infinity) <= asOf) keptCount++;
  const current = ti.tries[keptCount - 1];
  if (!current) {
    const f = {
      state: ti.readyAt <= asOf ? 'scheduled' : 'none',
      tryNumber: 0,
      startDate: null,
      endDate: null,
      durationS: null,
      queuedAt: null,
      hostname: null,
    };
    return { sim: ti, row: makeRow(envId, dag, runId, ti, f), earlier: NONE, ended: NONE };
  }
  const kept = keptCount === ti.tries.length ? ti.tries : ti.tries.slice(0, keptCount);
  const finished = current.endAt <= asOf;
  const started = current.startAt <= asOf;
  const f = {
    state: finished ? current.state : started ? 'running' : 'queued',
    tryNumber: current.tryNumber,
    startDate: started ? iso(current.startAt) : null,
    endDate: finished ? iso(current.endAt) : null,
    durationS: finished ? seconds(current.endAt - current.startAt) : null,
    queuedAt: iso(current.queuedAt),
    hostname: started ? current.hostname : null,
  };
  return {
    sim: ti,
    row: makeRow(envId, dag, runId, ti, f),
    earlier: kept.length === 1 ? NONE : kept.slice(0, -1),
    ended: finished ? kept : kept.slice(0, -1),
  };
}

/** Cuts a fully simulated run at `asOf`: what had not happened yet is queued, running or not started. */
export function cutRun(envId: string, dag: DagSpec, sim: SimRun, asOf: number): CutRun {
  const { request } = sim;
  const finished = sim.endAt <= asOf;
  const started = sim.startAt <= asOf;
  const row: DagRunRow = {
    envId,
    dagId: dag.dagId,
    runId: request.runId,
    state: finished ? sim.state : started ? 'running' : 'queued',
    runType: request.runType,
    logicalDate: request.logicalDate === null ? null : iso(request.logicalDate),
    runAfter: iso(request.runAfter),
    queuedAt: iso(request.queuedAt),
    startDate: started ? iso(sim.startAt) : null,
    endDate: finished ? iso(sim.endAt) : null,
    durationS: finished ? seconds(sim.endAt - sim.startAt) : null,
    confJson: request.confJson,
    note: null,
    dagVersion: String(sim.version),
    triggeredBy: request.triggeredBy,
  };
  const tis = sim.tis.map((ti) => cutTi(envId, dag, request.runId, ti, asOf));
  return { sim, row, tis };
}
