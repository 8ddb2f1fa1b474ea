import type { TaskSpec } from './catalogue-types';
import type { SimRun, SimTi } from './sim-types';
import { simulateTaskInstance, type RunContext } from './task-simulation';

type Outcome = 'success' | 'failed' | 'upstream_failed' | 'skipped';

interface TaskResult {
  readonly outcome: Outcome;
  /** When it finished or was decided. */
  readonly doneAt: number;
}

/** The scheduler's verdict for a task from its upstream results and trigger rule. */
function verdict(task: TaskSpec, ups: readonly TaskResult[], runStart: number): { run: boolean; outcome: Outcome; at: number } {
  if (ups.length === 0) return { run: true, outcome: 'success', at: runStart };
  const failed = ups.filter((u) => u.outcome === 'failed' || u.outcome === 'upstream_failed');
  const allDone = Math.max(...ups.map((u) => u.doneAt));
  if (task.triggerRule === 'all_done') return { run: true, outcome: 'success', at: allDone };
  if (failed.length > 0) {
    const at = task.triggerRule === 'all_success' ? Math.min(...failed.map((u) => u.doneAt)) : allDone;
    return { run: false, outcome: 'upstream_failed', at };
  }
  const skipped = ups.filter((u) => u.outcome === 'skipped').length;
  if (task.triggerRule === 'all_success' && skipped > 0) return { run: false, outcome: 'skipped', at: allDone };
  if (task.triggerRule === 'none_failed_min_one_success' && skipped === ups.length) return { run: false, outcome: 'skipped', at: allDone };
  return { run: true, outcome: 'success', at: allDone };
}

/** Simulates a whole DAG run, task by task in topological order, to completion. */
export function simulateRun(ctx: RunContext): SimRun {
  const { dag, rng, request } = ctx;
  const startAt = request.queuedAt + Math.round(rng.lognormal(1500, 0.5));
  const results: TaskResult[] = [];
  const forcedSkip = new Map<number, number>();
  const tis: SimTi[] = [];
  dag.tasks.forEach((task, index) => {
    const ups = task.upstream.map((u) => results[u]).filter((r): r is TaskResult => r !== undefined);
    const skipAt = forcedSkip.get(index);
    const v = skipAt !== undefined ? { run: false, outcome: 'skipped' as const, at: skipAt } : verdict(task, ups, startAt);
    if (!v.run) {
      const decidedAt = v.at + Math.round(rng.lognormal(800, 0.4));
      tis.push({
        taskIndex: index,
        mapIndex: -1,
        readyAt: decidedAt,
        state: v.outcome === 'upstream_failed' ? 'upstream_failed' : 'skipped',
        decidedAt,
        tries: [],
        maxTries: task.retries,
      });
      results.push({ outcome: v.outcome, doneAt: decidedAt });
      return;
    }
    const readyAt = v.at + Math.round(rng.lognormal(1500, 0.5));
    const count = task.mapped ? rng.int(task.mapped.min, task.mapped.max) : 1;
    let doneAt = readyAt;
    let failed = false;
    for (let m = 0; m < count; m++) {
      const stagger = task.mapped ? Math.round(m * rng.uniform(50, 400)) : 0;
      const ti = simulateTaskInstance(ctx, index, task.mapped ? m : -1, readyAt + stagger);
      tis.push(ti);
      doneAt = Math.max(doneAt, ti.decidedAt);
      failed ||= ti.state === 'failed';
    }
    results.push({ outcome: failed ? 'failed' : 'success', doneAt });
    if (!failed && task.behaviour.kind === 'branch') {
      const { choices, weights } = task.behaviour;
      const chosen = rng.weighted(choices.map((c, i) => [i, weights[i] ?? 1] as const));
      choices.forEach((c, i) => {
        if (i !== chosen) for (const d of c) forcedSkip.set(d, doneAt);
      });
    }
  });
  const endAt = Math.max(startAt, ...results.map((r) => r.doneAt)) + Math.round(rng.lognormal(1500, 0.4));
  const state = results.some((r) => r.outcome === 'failed' || r.outcome === 'upstream_failed') ? 'failed' : 'success';
  return { request, version: ctx.version, startAt, endAt, state, tis };
}
