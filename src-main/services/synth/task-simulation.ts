import type { Rng } from './prng';
import type { DagSpec } from './catalogue-types';
import { queueLoad } from './durations';
import type { IncidentPlan } from './incident-types';
import { stalledStart, type StallRecorder } from './queue-stall';
import { MINUTE, SECOND } from './instants';
import type { RunRequest, SimTi, SimTry } from './sim-types';
import { decideTry, type IncidentState } from './try-outcome';
import { PEOPLE, POOLS } from './vocabulary';

export interface RunContext {
  readonly dag: DagSpec;
  readonly plan: IncidentPlan | null;
  readonly historyStart: number;
  readonly request: RunRequest;
  readonly version: number;
  readonly badVersion: number | null;
  readonly rng: Rng;
  readonly state: IncidentState;
  readonly workers: number;
  /** The environment's queue stall, for a DAG it may touch (else null). */
  readonly stall: StallRecorder | null;
}

/** Chance that a person clears an ordinary (unlabelled) final failure, which then succeeds. */
const CLEAR_CHANCE = 0.4;

const QUEUE_MEDIAN_S = new Map(POOLS.map((p) => [p.name, p.queueMedianS]));

/** Runs one task instance through its tries: queue wait, run, fail and retry after the delay. */
export function simulateTaskInstance(ctx: RunContext, taskIndex: number, mapIndex: number, readyAt: number): SimTi {
  const { dag, rng } = ctx;
  const task = dag.tasks[taskIndex];
  if (!task) throw new Error(`no task ${taskIndex} in ${dag.dagId}`);
  const tries: SimTry[] = [];
  const queueMedian = (QUEUE_MEDIAN_S.get(task.pool) ?? 2) * SECOND;
  let ready = readyAt;
  let stalled = false;
  for (let tryNumber = 1; tryNumber <= task.retries + 1; tryNumber++) {
    const queuedAt = ready + Math.round(rng.lognormal(1200, 0.5));
    const usualStart = queuedAt + Math.round(rng.lognormal(queueMedian * queueLoad(queuedAt), 0.6));
    const startAt = tryNumber === 1 ? stalledStart(ctx.stall?.stall ?? null, task.pool, queuedAt, usualStart) : usualStart;
    stalled ||= startAt !== usualStart;
    const outcome = decideTry(
      {
        dag,
        plan: ctx.plan,
        taskIndex,
        task,
        scheduledSlot: ctx.request.scheduledSlot,
        version: ctx.version,
        badVersion: ctx.badVersion,
        startAt,
        historyStart: ctx.historyStart,
      },
      ctx.state,
      rng,
    );
    const endAt = startAt + Math.max(100, Math.round(outcome.durationS * 1000));
    const failed = outcome.cause !== null;
    const last = tryNumber === task.retries + 1;
    tries.push({
      tryNumber,
      queuedAt,
      startAt,
      endAt,
      hostname: `worker-${rng.int(1, ctx.workers)}`,
      state: failed ? (last ? 'failed' : 'up_for_retry') : 'success',
      cause: outcome.cause,
      incident: outcome.incident,
      clearedBy: null,
    });
    if (!failed) break;
    ready = endAt + task.retryDelayMs;
  }
  const final = tries[tries.length - 1];
  const incidentTask = ctx.plan !== null && 'taskIndex' in ctx.plan && ctx.plan.taskIndex === taskIndex;
  if (final && final.state === 'failed' && final.incident === null && !incidentTask && rng.chance(CLEAR_CHANCE)) {
    const queuedAt = final.endAt + Math.round(rng.lognormal(45 * MINUTE, 0.6));
    const startAt = queuedAt + Math.round(rng.lognormal(queueMedian, 0.6));
    const runS = task.medianS * rng.lognormal(1, task.sigma);
    tries.push({
      tryNumber: final.tryNumber + 1,
      queuedAt,
      startAt,
      endAt: startAt + Math.max(100, Math.round(runS * 1000)),
      hostname: `worker-${rng.int(1, ctx.workers)}`,
      state: 'success',
      cause: null,
      incident: null,
      clearedBy: rng.pick(PEOPLE),
    });
  }
  const first = tries[0];
  if (ctx.stall && stalled && first && tries.length === 1)
    ctx.stall.record(dag.dagId, ctx.request.runId, task.taskId, mapIndex, first.queuedAt, first.startAt);
  const cleared = tries.length > task.retries + 1;
  const lastTry = tries[tries.length - 1];
  return {
    taskIndex,
    mapIndex,
    readyAt,
    tries,
    state: lastTry?.state === 'success' ? 'success' : 'failed',
    decidedAt: lastTry?.endAt ?? readyAt,
    maxTries: cleared ? task.retries + tries.length - 1 : task.retries,
  };
}
