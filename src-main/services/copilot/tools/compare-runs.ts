import { z } from 'zod';
import { clipLine, seconds } from './clip';
import { runFacts, taskFacts, type TaskFacts } from '../../history/run-facts';
import { taskKey } from './task-key';
import { ToolDagId, ToolRunId } from './tool-args';
import { defineTool } from './tool-types';

const MAX_LINES = 25;

function differs(a: TaskFacts | undefined, b: TaskFacts | undefined): boolean {
  if (!a || !b) return true;
  const slower = a.durationS !== null && b.durationS !== null && (b.durationS > a.durationS * 1.5 || a.durationS > b.durationS * 1.5);
  return a.state !== b.state || a.hostname !== b.hostname || a.tries !== b.tries || slower;
}

const describeTask = (t: TaskFacts | undefined): string =>
  t ? `${t.state}, ${seconds(t.durationS)}, tries ${t.tries}, host ${t.hostname ?? '?'}` : 'absent';

export const compareRuns = defineTool({
  name: 'compare_runs',
  description: 'Two runs of one DAG side by side: run state, version, duration, and the task instances that differ.',
  input: z.object({ dagId: ToolDagId, runIdA: ToolRunId, runIdB: ToolRunId }).strict(),
  run(ctx, args) {
    const a = runFacts(ctx.db, ctx.envId, args.dagId, args.runIdA);
    const b = runFacts(ctx.db, ctx.envId, args.dagId, args.runIdB);
    if (!a || !b)
      return { text: `Run ${!a ? args.runIdA : args.runIdB} of DAG ${args.dagId} is not in the cache.`, summary: 'run not found' };
    const cite = (runId: string) =>
      ctx.cite({
        kind: 'run',
        dagId: args.dagId,
        runId,
        taskId: null,
        mapIndex: null,
        tryNumber: null,
        line: null,
        label: `${args.dagId} · ${runId}`,
      });
    const tasksA = new Map(taskFacts(ctx.db, ctx.envId, args.dagId, a.runId).map((t) => [taskKey(t), t]));
    const tasksB = new Map(taskFacts(ctx.db, ctx.envId, args.dagId, b.runId).map((t) => [taskKey(t), t]));
    const keys = [...new Set([...tasksA.keys(), ...tasksB.keys()])].filter((k) => differs(tasksA.get(k), tasksB.get(k)));
    const lines = keys.slice(0, MAX_LINES).map((k) => `task ${k}: A=${describeTask(tasksA.get(k))} | B=${describeTask(tasksB.get(k))}`);
    return {
      text: [
        `A: [${cite(a.runId)}] ${a.runId} state=${a.state} version=${a.dagVersion ?? '?'} duration=${seconds(a.durationS)} conf=${clipLine(a.conf ?? 'none', 100)}`,
        `B: [${cite(b.runId)}] ${b.runId} state=${b.state} version=${b.dagVersion ?? '?'} duration=${seconds(b.durationS)} conf=${clipLine(b.conf ?? 'none', 100)}`,
        keys.length === 0 ? 'No task instance differs in state, host, tries or duration.' : `${keys.length} task instances differ:`,
        ...lines,
      ].join('\n'),
      summary: `${keys.length} tasks differ`,
    };
  },
});
