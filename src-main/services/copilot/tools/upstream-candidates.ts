import { z } from 'zod';
import { ApiError } from '../../../../src-shared/api/errors';
import { FAILED_RUN_HOURS } from '../../graph/build/graph-window';
import { upstreamCandidates as findUpstream } from '../../graph/impact/upstream-candidates';
import { ToolDagId, ToolRunId, ToolTaskId } from './tool-args';
import { defineTool } from './tool-types';

const MAX_LINES = 10;
const DEPTH = 6;

/** What failed or changed upstream (across DAGs, through assets and triggers) shortly before a task failed. */
export const upstreamCandidatesTool = defineTool({
  name: 'upstream_candidates',
  description:
    'Upstream tasks (across DAGs, through assets and triggers) that failed, and upstream DAGs whose version changed, in the hours before a task failed: candidates for the root cause.',
  input: z
    .object({
      dagId: ToolDagId,
      taskId: ToolTaskId,
      runId: ToolRunId.optional().describe('the failed run; its time ends the window (default: now)'),
      windowHours: z.number().int().min(1).max(168).optional().describe('hours before the failure to look at (default 24)'),
    })
    .strict(),
  run(ctx, args) {
    const run =
      args.runId === undefined
        ? undefined
        : (ctx.db
            .prepare(
              'SELECT COALESCE(end_date, start_date, queued_at, run_after, logical_date) AS at FROM dag_runs WHERE env_id = ? AND dag_id = ? AND run_id = ?',
            )
            .get(ctx.envId, args.dagId, args.runId) as { at: string | null } | undefined);
    if (args.runId !== undefined && run === undefined)
      return { text: `There is no run "${args.runId}" of DAG "${args.dagId}".`, summary: 'run not found' };
    const at = run?.at ?? ctx.asOf;
    const hours = args.windowHours ?? 24;
    const from = new Date(Date.parse(at) - hours * 3_600_000).toISOString();
    let found;
    try {
      found = findUpstream(ctx.graph(), { envId: ctx.envId, dagId: args.dagId, taskId: args.taskId, from, at, depth: DEPTH });
    } catch (error) {
      if (error instanceof ApiError) return { text: error.message, summary: 'not in the graph' };
      throw error;
    }
    const failures = found.failures.slice(0, MAX_LINES).map((f) => {
      const ref =
        f.envId === ctx.envId
          ? `[${ctx.cite({ kind: 'task', dagId: f.dagId, runId: null, taskId: f.taskId, mapIndex: null, tryNumber: null, line: null, label: `${f.dagId}.${f.taskId}` })}] `
          : '';
      return `${ref}upstream task ${f.dagId}.${f.taskId}${f.envId === ctx.envId ? '' : ` (environment ${f.envId})`}: ${f.failures} failed tries, last at ${f.lastFailureAt}, ${f.distance} steps upstream`;
    });
    const changes = found.changes.slice(0, MAX_LINES).map((c) => {
      const ref =
        c.envId === ctx.envId
          ? `[${ctx.cite({ kind: 'dag', dagId: c.dagId, runId: null, taskId: null, mapIndex: null, tryNumber: null, line: null, label: c.dagId })}] `
          : '';
      return `${ref}upstream DAG ${c.dagId} changed version ${c.fromVersion ?? '?'} -> ${c.toVersion} at ${c.at}, ${c.distance} steps upstream`;
    });
    const old = Date.parse(from) < Date.parse(ctx.asOf) - FAILED_RUN_HOURS * 3_600_000;
    return {
      text: [
        ...(old
          ? [
              `(The lineage graph keeps failures of the last ${FAILED_RUN_HOURS / 24} days only; older ones do not show here: use list_failures.)`,
            ]
          : []),
        `Upstream of ${args.dagId}.${args.taskId} between ${from} and ${at}:`,
        ...(failures.length > 0 ? failures : ['no upstream task failed in that window']),
        ...(changes.length > 0 ? changes : ['no upstream DAG changed version in that window']),
      ].join('\n'),
      summary: `${found.failures.length} upstream failures, ${found.changes.length} version changes`,
    };
  },
});
