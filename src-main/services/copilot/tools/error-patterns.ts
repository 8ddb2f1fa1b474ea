import { z } from 'zod';
import type { ErrorPatternRow } from '../../analytics/error-pattern-row';
import { clipLine } from './clip';
import { ToolDagId, ToolTaskId } from './tool-args';
import { defineTool } from './tool-types';

type PatternRow = Pick<
  ErrorPatternRow,
  'pattern_id' | 'template' | 'exception' | 'count' | 'first_seen' | 'last_seen' | 'is_new' | 'samples_json'
> & {
  /** Failures of the asked-for task in this pattern (null when no task was asked for). */
  task_hits: number | null;
};

interface Sample {
  dagId: string;
  taskId: string;
  runId: string;
  tryNumber: number;
}

const LIMIT = 8;

const ALL_SQL = `SELECT pattern_id, template, exception, count, first_seen, last_seen, is_new, samples_json, NULL AS task_hits
  FROM error_patterns WHERE env_id = @envId ORDER BY is_new DESC, last_seen DESC LIMIT ${LIMIT}`;
const FOR_TASK_SQL = `SELECT p.pattern_id, p.template, p.exception, p.count, p.first_seen, p.last_seen, p.is_new, p.samples_json, COUNT(*) AS task_hits
  FROM error_pattern_hits h JOIN error_patterns p ON p.env_id = h.env_id AND p.pattern_id = h.pattern_id
  WHERE h.env_id = @envId AND h.dag_id = @dagId AND (@taskId IS NULL OR h.task_id = @taskId)
  GROUP BY p.pattern_id ORDER BY p.last_seen DESC LIMIT ${LIMIT}`;

function lastSample(json: string): Sample | null {
  try {
    const all = JSON.parse(json) as Sample[];
    return all.at(-1) ?? null;
  } catch {
    return null;
  }
}

/** The error patterns mined from failure logs: what kinds of error recur, which are new. */
export const errorPatterns = defineTool({
  name: 'error_patterns',
  description:
    'Recurring error patterns mined from failure logs (exception, template, count, first and last seen, NEW when it appeared recently). Optionally only those seen in one DAG or task.',
  input: z.object({ dagId: ToolDagId.optional(), taskId: ToolTaskId.optional() }).strict(),
  run(ctx, args) {
    const rows = (
      args.dagId === undefined
        ? ctx.db.prepare(ALL_SQL).all({ envId: ctx.envId })
        : ctx.db.prepare(FOR_TASK_SQL).all({ envId: ctx.envId, dagId: args.dagId, taskId: args.taskId ?? null })
    ) as PatternRow[];
    if (rows.length === 0)
      return {
        text: `No error pattern is known${args.dagId ? ` for ${args.dagId}${args.taskId ? `.${args.taskId}` : ''}` : ''} (the environment may not be scored yet).`,
        summary: 'no patterns',
      };
    const lines = rows.map((p) => {
      const s = lastSample(p.samples_json);
      const ref = s
        ? `[${ctx.cite({ kind: 'log', dagId: s.dagId, runId: s.runId, taskId: s.taskId, mapIndex: null, tryNumber: s.tryNumber, line: null, label: `${s.dagId}.${s.taskId} try ${s.tryNumber}` })}] `
        : '';
      const here = p.task_hits === null ? '' : ` (${p.task_hits} here)`;
      return `${ref}${p.is_new ? 'NEW ' : ''}pattern ${p.pattern_id}: ${p.exception || 'no exception'} seen ${p.count} times${here}, first ${p.first_seen}, last ${p.last_seen}: ${clipLine(p.template, 180)}`;
    });
    return { text: `Error patterns (newest first):\n${lines.join('\n')}`, summary: `${rows.length} patterns` };
  },
});
