import { z } from 'zod';
import { clipLine } from './clip';
import { ToolDagId, ToolRunId, ToolTaskId } from './tool-args';
import { defineTool, type ToolContext, type ToolOutput } from './tool-types';
import type { SimilarFailures } from '../../../../src-shared/domain/similar-failures';

interface Hit {
  dag_id: string;
  run_id: string;
  task_id: string;
  map_index: number;
  try_number: number;
  tries: number;
  at: string | null;
}

const LIMIT = 12;

const PATTERN_OF = `SELECT h.pattern_id, p.exception, p.template, p.count, p.first_seen FROM error_pattern_hits h
  JOIN error_patterns p ON p.env_id = h.env_id AND p.pattern_id = h.pattern_id
  WHERE h.env_id = ? AND h.dag_id = ? AND h.run_id = ? AND h.task_id = ? ORDER BY h.try_number DESC LIMIT 1`;
const SAME_PATTERN = `SELECT h.dag_id, h.run_id, h.task_id, h.map_index, MAX(h.try_number) AS try_number, COUNT(*) AS tries, COALESCE(t.end_date, t.start_date) AS at
  FROM error_pattern_hits h LEFT JOIN task_instances t
    ON t.env_id = h.env_id AND t.dag_id = h.dag_id AND t.run_id = h.run_id AND t.task_id = h.task_id AND t.map_index = h.map_index
  WHERE h.env_id = @envId AND h.pattern_id = @patternId AND NOT (h.dag_id = @dagId AND h.run_id = @runId AND h.task_id = @taskId)
  GROUP BY h.dag_id, h.run_id, h.task_id, h.map_index
  ORDER BY (h.dag_id = @dagId AND h.task_id = @taskId) DESC, at DESC LIMIT ${LIMIT}`;

/** The embedding model's nearest failures, this environment's cited, other environments' named. */
function embeddingAnswer(ctx: ToolContext, args: { taskId: string; runId: string }, found: SimilarFailures): ToolOutput {
  const lines = found.items.map((f) => {
    const where = `dag=${f.dagId} task=${f.taskId} run=${f.runId} similarity=${f.score.toFixed(2)} at=${f.at ?? '?'}`;
    if (f.envId !== ctx.envId) return `(environment ${f.envName}) ${where}: ${clipLine(f.excerpt.replace(/\n/g, ' | '), 200)}`;
    const ref = ctx.cite({
      kind: 'log',
      dagId: f.dagId,
      runId: f.runId,
      taskId: f.taskId,
      mapIndex: f.mapIndex,
      tryNumber: f.tryNumber,
      line: null,
      label: `${f.dagId}.${f.taskId} in ${f.runId}`,
    });
    return `[${ref}] ${where}: ${clipLine(f.excerpt.replace(/\n/g, ' | '), 200)}`;
  });
  return {
    text: `Past failures most similar to task ${args.taskId} of run ${args.runId}, by the local embedding model ${found.modelName ?? ''} (across environments, most similar first):\n${lines.join('\n') || 'none'}`,
    summary: `${found.items.length} similar failures (embedding model)`,
  };
}

/** Past failures with the same error pattern as one failed task instance (or, with a local embedding model, the most similar logs). */
export const similarFailures = defineTool({
  name: 'similar_failures',
  description:
    'Earlier failures whose log matches the same error pattern as one failed task instance: has this happened before, where, and when it started.',
  input: z.object({ dagId: ToolDagId, runId: ToolRunId, taskId: ToolTaskId }).strict(),
  run(ctx, args) {
    const byModel = ctx.similarFailures?.({
      envId: ctx.envId,
      dagId: args.dagId,
      runId: args.runId,
      taskId: args.taskId,
      mapIndex: -1,
      limit: LIMIT,
    });
    if (byModel?.method === 'embedding') return embeddingAnswer(ctx, args, byModel);
    const pattern = ctx.db.prepare(PATTERN_OF).get(ctx.envId, args.dagId, args.runId, args.taskId) as
      | { pattern_id: string; exception: string; template: string; count: number; first_seen: string }
      | undefined;
    if (!pattern)
      return {
        text: `No error pattern is known for task ${args.taskId} of run ${args.runId} (${args.dagId}): its log is not cached, or the environment is not scored yet.`,
        summary: 'no pattern',
      };
    const hits = ctx.db.prepare(SAME_PATTERN).all({ envId: ctx.envId, patternId: pattern.pattern_id, ...args }) as Hit[];
    const lines = hits.map((h) => {
      const ref = ctx.cite({
        kind: 'log',
        dagId: h.dag_id,
        runId: h.run_id,
        taskId: h.task_id,
        mapIndex: h.map_index,
        tryNumber: h.try_number,
        line: null,
        label: `${h.dag_id}.${h.task_id} in ${h.run_id}`,
      });
      return `[${ref}] dag=${h.dag_id} task=${h.task_id} run=${h.run_id} tries with this error=${h.tries} at=${h.at ?? '?'}`;
    });
    const head = `Pattern ${pattern.pattern_id} (${pattern.exception || 'no exception'}), seen ${pattern.count} times since ${pattern.first_seen}: ${clipLine(pattern.template, 180)}`;
    return {
      text: `${head}\n${hits.length === 0 ? 'No other failure has this pattern: it is the first of its kind.' : `Other failures with this pattern (this task first, then newest first):\n${lines.join('\n')}`}`,
      summary: `${hits.length} similar failures`,
    };
  },
});
