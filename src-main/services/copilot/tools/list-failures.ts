import { z } from 'zod';
import { FailedRunsQuery } from '../../history/figures/failed-runs';
import { daysUpTo, failedRunInWindow } from '../../history/figures/figure-window';
import { runTimeOf } from '../../history/run-time';
import { clipLine } from './clip';
import { ToolDagId, ToolDays } from './tool-args';
import { tableText } from './table-text';
import { defineTool } from './tool-types';

interface Row {
  dag_id: string;
  run_id: string;
  at: string | null;
  failed_tasks: string | null;
}

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
    const total = new FailedRunsQuery(ctx.db).total(ctx.envId, window, dagId);
    const span = `in the last ${days} day${days === 1 ? '' : 's'}${args.dagId ? ` for DAG ${args.dagId}` : ''}`;
    if (total === 0) return { text: `No failed runs ${span}.`, summary: 'no failed runs' };
    // `+at`: sorting through dag_runs_by_run_time would walk every run of the environment instead of the failed ones.
    const rows = ctx.db
      .prepare(
        `SELECT r.dag_id, r.run_id, ${runTimeOf('r')} AS at,
                (SELECT group_concat(t.task_id, ', ') FROM task_instances t
                  WHERE t.env_id = r.env_id AND t.dag_id = r.dag_id AND t.run_id = r.run_id AND t.state = 'failed') AS failed_tasks
         FROM dag_runs r
         WHERE ${failedRunInWindow('r')} AND (@dagId IS NULL OR r.dag_id = @dagId)
         ORDER BY +at DESC, r.dag_id, r.run_id LIMIT ${LIMIT}`,
      )
      .all({ envId: ctx.envId, dagId, from: window.from, to: window.to }) as Row[];
    const lines = rows.map((r) => {
      const ref = ctx.cite({
        kind: 'run',
        dagId: r.dag_id,
        runId: r.run_id,
        taskId: null,
        mapIndex: null,
        tryNumber: null,
        line: null,
        label: `${r.dag_id} · ${r.run_id}`,
      });
      return [`[${ref}]`, r.dag_id, r.run_id, r.at ?? '?', clipLine(r.failed_tasks ?? 'none', 160)];
    });
    const shown = rows.length < total ? `the newest ${rows.length}` : total === 1 ? 'it' : 'all of them';
    return {
      text: `${total} failed run${total === 1 ? '' : 's'} ${span} (up to ${ctx.asOf}); ${shown}, newest first:\n${tableText(['ref', 'dag', 'run', 'at', 'failed tasks'], lines)}`,
      summary: `${total} failed runs`,
    };
  },
});
