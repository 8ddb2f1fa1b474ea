import type { TaskSeries } from '../history-types';
import type { FailureContext, FailureStreak } from './failure-context';

function patternsOf(s: TaskSeries, i: number, ctx: FailureContext, into: Set<string>): void {
  const runId = s.runIds[i] ?? '';
  const last = s.tries[i] ?? 1;
  for (let t = 1; t <= last; t++) {
    const p = ctx.patternOf(s.dagId, runId, s.taskId, s.mapIndexes[i] ?? -1, t);
    if (p !== undefined) into.add(p);
  }
}

/** Runs of consecutive failed instances of one task, with their error patterns and whether a new DAG version began with them. */
export function failureStreaks(s: TaskSeries, ctx: FailureContext): FailureStreak[] {
  const out: FailureStreak[] = [];
  let i = 0;
  while (i < s.length) {
    if (s.exhausted[i] !== 1) {
      i++;
      continue;
    }
    const from = i;
    while (i + 1 < s.length && s.exhausted[i + 1] === 1) i++;
    const to = i;
    const patterns = new Set<string>();
    let failedTries = 0;
    const runIds: string[] = [];
    const hosts = new Set<string>();
    let retried = false;
    let downstreamLeft = 0;
    for (let k = from; k <= to; k++) {
      patternsOf(s, k, ctx, patterns);
      failedTries += s.failedTries[k] ?? 0;
      if ((s.tries[k] ?? 1) > 1 && (s.retries ?? 0) > 0) retried = true;
      const runId = s.runIds[k] ?? '';
      if (runIds[runIds.length - 1] !== runId) for (const d of s.downstream) if (ctx.upstreamFailed(s.dagId, runId, d)) downstreamLeft++;
      runIds.push(runId);
      const h = s.hostnames[k];
      if (h) hosts.add(h);
    }
    const run = ctx.run(s.dagId, s.runIds[from] ?? '');
    const prev = from > 0 ? ctx.run(s.dagId, s.runIds[from - 1] ?? '') : undefined;
    const newVersion = run?.version != null && prev?.version != null && run.version !== prev.version ? run.version : null;
    const next = to + 1 < s.length ? ctx.run(s.dagId, s.runIds[to + 1] ?? '') : undefined;
    const last = ctx.run(s.dagId, s.runIds[to] ?? '');
    const recoveredOnSameVersion = next !== undefined && next.version === last?.version;
    out.push({
      dagId: s.dagId,
      taskId: s.taskId,
      from,
      to,
      startMs: s.startMs[from] ?? 0,
      endMs: s.endMs[to] ?? 0,
      secondEndMs: s.endMs[Math.min(from + 1, to)] ?? 0,
      patterns,
      failedTries,
      newVersion,
      recoveredOnSameVersion,
      runIds,
      pool: s.pool,
      hostnames: [...hosts],
      retried,
      downstreamLeft,
    });
    i++;
  }
  return out;
}
