import { z } from 'zod';
import { FailedRunsQuery } from '../../history/figures/failed-runs';
import { daysUpTo } from '../../history/figures/figure-window';
import { clipLine } from './clip';
import { ToolDagId, ToolDays } from './tool-args';
import { tableText } from './table-text';
import { defineTool } from './tool-types';

const LIMIT = 15;

export const listFailures = defineTool({
  name: 'list_failures',
  description: 'Failed DAG runs of the last days, newest first, with the tasks that failed. Optionally for one DAG.',
  input: z.object({ days: ToolDays.optional(), dagId: ToolDagId.optional() }).strict(),
  run(ctx, args) {
    const days = args.days ?? 7;
    const window = daysUpTo(ctx.asOf, days);
    const dagId = args.dagId ?? null;
    // The same failed runs as the Overview, the Fleet page and the triage queue count (history/figures).
    const failedRuns = new FailedRunsQuery(ctx.db);
    const total = failedRuns.total(ctx.envId, window, dagId);
    const span = `in the last ${days} day${days === 1 ? '' : 's'}${args.dagId ? ` for DAG ${args.dagId}` : ''}`;
    if (total === 0) return { text: `No failed runs ${span}.`, summary: 'no failed runs' };
    const rows = failedRuns.newestWithTasks(ctx.envId, window, dagId, LIMIT);
    const lines = rows.map((r) => {
      const ref = ctx.cite({
        kind: 'run',
        dagId: r.dagId,
        runId: r.runId,
        taskId: null,
        mapIndex: null,
        tryNumber: null,
        line: null,
        label: `${r.dagId} · ${r.runId}`,
      });
      return [`[${ref}]`, r.dagId, r.runId, r.at ?? '?', clipLine(r.failedTasks ?? 'none', 160)];
    });
    const shown = rows.length < total ? `the newest ${rows.length}` : total === 1 ? 'it' : 'all of them';
    return {
      text: `${total} failed run${total === 1 ? '' : 's'} ${span} (up to ${ctx.asOf}); ${shown}, newest first:\n${tableText(['ref', 'dag', 'run', 'at', 'failed tasks'], lines)}`,
      summary: `${total} failed runs`,
    };
  },
});
