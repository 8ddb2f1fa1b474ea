import { z } from 'zod';
import { clipLine, daysBefore } from './clip';
import { ToolDagId, ToolDays } from './tool-args';
import { defineTool } from './tool-types';

interface Row {
  dag_id: string;
  run_id: string;
  at: string | null;
  failed_tasks: string | null;
}

const LIMIT = 15;
/** history/run-time's RUN_TIME_SQL, on the aliased table. */
const RUN_AT = 'COALESCE(r.start_date, r.queued_at, r.run_after, r.logical_date)';

export const listFailures = defineTool({
  name: 'list_failures',
  description: 'Failed DAG runs of the last days, newest first, with the tasks that failed. Optionally for one DAG.',
  input: z.object({ days: ToolDays.optional(), dagId: ToolDagId.optional() }).strict(),
  run(ctx, args) {
    const days = args.days ?? 7;
    const rows = ctx.db
      .prepare(
        `SELECT r.dag_id, r.run_id, ${RUN_AT} AS at,
                (SELECT group_concat(t.task_id, ', ') FROM task_instances t
                  WHERE t.env_id = r.env_id AND t.dag_id = r.dag_id AND t.run_id = r.run_id AND t.state = 'failed') AS failed_tasks
         FROM dag_runs r
         WHERE r.env_id = @envId AND r.state = 'failed' AND r.deleted_upstream = 0
           AND (@dagId IS NULL OR r.dag_id = @dagId) AND ${RUN_AT} >= @since
         ORDER BY at DESC LIMIT ${LIMIT}`,
      )
      .all({ envId: ctx.envId, dagId: args.dagId ?? null, since: daysBefore(ctx.asOf, days) }) as Row[];
    if (rows.length === 0) {
      return { text: `No failed runs in the last ${days} days${args.dagId ? ` for DAG ${args.dagId}` : ''}.`, summary: 'no failed runs' };
    }
    const lines = rows.map((r) => {
      const ref = ctx.cite({ kind: 'run', dagId: r.dag_id, runId: r.run_id, taskId: null, mapIndex: null, tryNumber: null, line: null, label: `${r.dag_id} · ${r.run_id}` });
      return `[${ref}] dag=${r.dag_id} run=${r.run_id} at=${r.at ?? '?'} failed_tasks=${clipLine(r.failed_tasks ?? 'none', 160)}`;
    });
    return { text: `Failed runs in the last ${days} days (newest first, at most ${LIMIT}):\n${lines.join('\n')}`, summary: `${rows.length} failed runs` };
  },
});
