import { z } from 'zod';
import type { ToolContext } from './tool-types';
import { clipLine } from './clip';
import { finishedRuns, runFacts, taskFacts, type RunFacts } from '../../history/run-facts';
import { taskKey } from './task-key';
import { ToolDagId, ToolRunId } from './tool-args';
import { defineTool } from './tool-types';

const LOOK_BACK = 400;

/** The first failed run of the failing streak that ends at `bad` (or at the newest failure), and the last success before it. */
function streak(runs: readonly RunFacts[], badRunId: string | undefined): { firstBad: RunFacts; lastGood: RunFacts | null } | null {
  const start = badRunId === undefined ? runs.findIndex((r) => r.state === 'failed') : runs.findIndex((r) => r.runId === badRunId);
  if (start < 0) return null;
  let i = start;
  while (i + 1 < runs.length && runs[i + 1]?.state === 'failed') i++;
  const firstBad = runs[i];
  if (!firstBad) return null;
  return { firstBad, lastGood: runs[i + 1] ?? null };
}

function change(label: string, before: string | null, after: string | null): string {
  const b = clipLine(before ?? 'none', 120);
  const a = clipLine(after ?? 'none', 120);
  return b === a ? `same ${label}: ${a}` : `CHANGED ${label}: ${b} -> ${a}`;
}

function citeRun(ctx: ToolContext, dagId: string, runId: string): string {
  return ctx.cite({ kind: 'run', dagId, runId, taskId: null, mapIndex: null, tryNumber: null, line: null, label: `${dagId} · ${runId}` });
}

export const whatChanged = defineTool({
  name: 'what_changed',
  description:
    'What differs between the last good run and the first bad run of a DAG (DAG version, conf, hosts, pools, operators of the failing tasks).',
  input: z.object({ dagId: ToolDagId, badRunId: ToolRunId.optional() }).strict(),
  run(ctx, args) {
    if (args.badRunId !== undefined && runFacts(ctx.db, ctx.envId, args.dagId, args.badRunId) === null) {
      return { text: `There is no run "${args.badRunId}" of DAG "${args.dagId}".`, summary: 'run not found' };
    }
    const found = streak(finishedRuns(ctx.db, ctx.envId, args.dagId, LOOK_BACK), args.badRunId);
    if (found === null) return { text: `DAG ${args.dagId} has no failed run in its recent history.`, summary: 'no failed run' };
    const { firstBad, lastGood } = found;
    const badRef = citeRun(ctx, args.dagId, firstBad.runId);
    if (lastGood === null)
      return {
        text: `[${badRef}] first bad run ${firstBad.runId}; no successful run before it is cached.`,
        summary: 'no good run to compare',
      };
    const goodRef = citeRun(ctx, args.dagId, lastGood.runId);
    const goodTasks = new Map(taskFacts(ctx.db, ctx.envId, args.dagId, lastGood.runId).map((t) => [taskKey(t), t]));
    const failing = taskFacts(ctx.db, ctx.envId, args.dagId, firstBad.runId).filter((t) => t.state === 'failed');
    const taskLines = failing.slice(0, 8).flatMap((t) => {
      const g = goodTasks.get(taskKey(t));
      return [
        `task ${taskKey(t)} (failed in the bad run):`,
        `  ${change('host', g?.hostname ?? null, t.hostname)}`,
        `  ${change('pool', g?.pool ?? null, t.pool)}`,
        `  ${change('queue', g?.queue ?? null, t.queue)}`,
        `  ${change('operator', g?.operator ?? null, t.operator)}`,
      ];
    });
    return {
      text: [
        `last good run: [${goodRef}] ${lastGood.runId} at ${lastGood.at ?? '?'}`,
        `first bad run: [${badRef}] ${firstBad.runId} at ${firstBad.at ?? '?'}`,
        change('DAG version', lastGood.dagVersion, firstBad.dagVersion),
        change('conf', lastGood.conf, firstBad.conf),
        change('run type', lastGood.runType, firstBad.runType),
        ...taskLines,
      ].join('\n'),
      summary:
        lastGood.dagVersion !== firstBad.dagVersion
          ? `DAG version ${lastGood.dagVersion ?? '?'} → ${firstBad.dagVersion ?? '?'}`
          : 'compared last good and first bad run',
    };
  },
});
