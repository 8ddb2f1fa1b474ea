import { z } from 'zod';
import { RunReads } from '../../history/run-reads';
import { clipLine, seconds } from './clip';
import { ToolDagId, ToolRunId } from './tool-args';
import { tableText } from './table-text';
import { defineTool } from './tool-types';

const TROUBLE = new Set(['failed', 'upstream_failed', 'up_for_retry', 'skipped', 'removed']);
const MAX_TASKS = 30;

export const getRun = defineTool({
  name: 'get_run',
  description: 'One DAG run with its state, version and task instances (failed ones first).',
  input: z.object({ dagId: ToolDagId, runId: ToolRunId }).strict(),
  run(ctx, args) {
    const reads = RunReads.of(ctx.db);
    const run = reads.run(ctx.envId, args.dagId, args.runId);
    if (!run)
      return {
        text: `There is no run "${args.runId}" of DAG "${args.dagId}" in the cache. Use list_failures to find run ids.`,
        summary: 'run not found',
      };
    const tis = reads.taskInstances(ctx.envId, args.dagId, args.runId);
    const ordered = [...tis.filter((t) => TROUBLE.has(t.state)), ...tis.filter((t) => !TROUBLE.has(t.state))].slice(0, MAX_TASKS);
    const runRef = ctx.cite({
      kind: 'run',
      dagId: run.dag_id,
      runId: run.run_id,
      taskId: null,
      mapIndex: null,
      tryNumber: null,
      line: null,
      label: `${run.dag_id} · ${run.run_id}`,
    });
    const lines = ordered.map((t) => {
      const ref = TROUBLE.has(t.state)
        ? ctx.cite({
            kind: 'task',
            dagId: run.dag_id,
            runId: run.run_id,
            taskId: t.task_id,
            mapIndex: t.map_index,
            tryNumber: t.try_number,
            line: null,
            label: `${run.dag_id}.${t.task_id}`,
          })
        : null;
      const mapped = t.map_index >= 0 ? `[${t.map_index}]` : '';
      return [ref ? `[${ref}]` : '-', `${t.task_id}${mapped}`, t.state, t.try_number, seconds(t.duration_s), t.hostname ?? '?'];
    });
    const head = `[${runRef}] dag=${run.dag_id} run=${run.run_id} state=${run.state} type=${run.run_type} start=${run.start_date ?? '?'} duration=${seconds(run.duration_s)} version=${run.dag_version ?? '?'}`;
    const note = run.note ? `\nnote: ${clipLine(run.note)}` : '';
    const more = tis.length > ordered.length ? `\n(${tis.length - ordered.length} more successful tasks not shown)` : '';
    return {
      text: `${head}${note}\nTask instances:\n${tableText(['ref', 'task', 'state', 'tries', 'duration', 'host'], lines)}${more}`,
      summary: `${run.dag_id} ${run.state}, ${tis.length} tasks`,
    };
  },
});
