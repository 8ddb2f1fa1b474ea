import { z } from 'zod';
import { daysUpTo, runInWindow } from '../../history/figures/figure-window';
import { likeContains, runTimeOf } from '../../history/run-time';
import { clipLine } from './clip';
import { ToolDays } from './tool-args';
import { tableText } from './table-text';
import { defineTool } from './tool-types';

interface Row {
  dag_id: string;
  run_id: string;
  task_id: string;
  map_index: number;
  try_number: number;
  content: string;
}

const LIMIT = 10;

/** The first line of a log containing the text, for a one-line hit. */
function hitLine(content: string, needle: string): { line: number; text: string } {
  const lines = content.split('\n');
  const at = lines.findIndex((l) => l.toLowerCase().includes(needle.toLowerCase()));
  return { line: at + 1, text: lines[at] ?? '' };
}

export const searchFailures = defineTool({
  name: 'search_failures',
  description: 'Failed task tries whose log contains a text (an exception name, a host, an error message), newest first.',
  input: z.object({ text: z.string().min(2).max(80).describe('text to look for in failure logs'), days: ToolDays.optional() }).strict(),
  run(ctx, args) {
    const days = args.days ?? 30;
    const rows = ctx.db
      .prepare(
        // The window is the runs' (history/figures), not when the log was fetched: a first sync fetches old logs today.
        `SELECT l.dag_id, l.run_id, l.task_id, l.map_index, l.try_number, l.content
         FROM dag_runs r JOIN task_logs l ON l.env_id = r.env_id AND l.dag_id = r.dag_id AND l.run_id = r.run_id
         WHERE ${runInWindow('r')} AND l.content LIKE @pattern ESCAPE '\\'
         ORDER BY ${runTimeOf('r')} DESC, l.dag_id, l.run_id, l.task_id, l.map_index, l.try_number DESC LIMIT ${LIMIT}`,
      )
      .all({ envId: ctx.envId, pattern: likeContains(args.text), ...daysUpTo(ctx.asOf, days) }) as Row[];
    if (rows.length === 0) return { text: `No failure log in the last ${days} days contains "${args.text}".`, summary: 'no matches' };
    const lines = rows.map((r) => {
      const hit = hitLine(r.content, args.text);
      const ref = ctx.cite({
        kind: 'log',
        dagId: r.dag_id,
        runId: r.run_id,
        taskId: r.task_id,
        mapIndex: r.map_index,
        tryNumber: r.try_number,
        line: hit.line,
        label: `${r.dag_id}.${r.task_id} try ${r.try_number}, line ${hit.line}`,
      });
      return [`[${ref}]`, r.dag_id, r.run_id, r.task_id, r.try_number, hit.line, clipLine(hit.text)];
    });
    return {
      text: `Failure logs of runs of the last ${days} days containing "${args.text}" (newest run first, at most ${LIMIT}):\n${tableText(['ref', 'dag', 'run', 'task', 'try', 'line', 'log line'], lines)}`,
      summary: `${rows.length} matching logs`,
    };
  },
});
