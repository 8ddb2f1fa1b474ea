import { z } from 'zod';
import { RunReads } from '../../history/run-reads';
import { clipLine } from './clip';
import { ToolDagId, ToolRunId, ToolTaskId } from './tool-args';
import { defineTool } from './tool-types';

const ERROR_LINE = /\bERROR\b|Traceback|Exception|Error:|FAILED|SIGKILL/;
/** The last line of a Python traceback: `package.ExceptionClass: message`. */
const EXCEPTION_LINE = /^[A-Za-z_][\w.]*(Error|Exception|Exit|Interrupt|Timeout)\b[^\n]*:/;

/** The first line that looks like the error (the traceback start), else the end of the log. */
export function errorLineIndex(lines: readonly string[]): number {
  const at = lines.findIndex((l) => ERROR_LINE.test(l) && !l.includes('Marking task as'));
  return at >= 0 ? at : Math.max(0, lines.length - 1);
}

/** The exception line that ends the traceback starting at `from`, else `from` itself. */
export function causeLineIndex(lines: readonly string[], from: number): number {
  for (let i = from; i < lines.length; i++) if (EXCEPTION_LINE.test(lines[i] ?? '')) return i;
  return from;
}

/** Line numbers (0-based) to show: a little before the error, and the cause with its context. */
function window(lines: readonly string[], at: number, cause: number): number[] {
  const keep = new Set<number>();
  for (let i = at - 3; i <= at + 2; i++) keep.add(i);
  for (let i = cause - 4; i <= cause + 3; i++) keep.add(i);
  return [...keep].filter((i) => i >= 0 && i < lines.length).sort((a, b) => a - b);
}

export const logExcerpt = defineTool({
  name: 'log_excerpt',
  description: "Lines of a failed task's log around the error (the latest try unless a try number is given).",
  input: z
    .object({ dagId: ToolDagId, runId: ToolRunId, taskId: ToolTaskId, tryNumber: z.number().int().min(1).max(20).optional() })
    .strict(),
  run(ctx, args) {
    const row = RunReads.of(ctx.db).lastLogOfTask(ctx.envId, args.dagId, args.runId, args.taskId, args.tryNumber ?? null);
    if (!row)
      return {
        text: `No log is cached for task ${args.taskId} of run ${args.runId} (${args.dagId}). Only failed and retried tries keep logs.`,
        summary: 'no log',
      };
    const lines = row.content.split('\n');
    const at = errorLineIndex(lines);
    const cause = causeLineIndex(lines, at);
    const ref = ctx.cite({
      kind: 'log',
      dagId: args.dagId,
      runId: args.runId,
      taskId: args.taskId,
      mapIndex: row.map_index,
      tryNumber: row.try_number,
      line: cause + 1,
      label: `${args.dagId}.${args.taskId} try ${row.try_number}, line ${cause + 1}`,
    });
    const shown = window(lines, at, cause);
    const excerpt = shown.map(
      (i, k) => `${k > 0 && shown[k - 1] !== i - 1 ? '   …\n' : ''}${String(i + 1).padStart(4)}| ${clipLine(lines[i] ?? '', 200)}`,
    );
    return {
      text: `[${ref}] log of ${args.taskId}, try ${row.try_number}, ${lines.length} lines${row.truncated ? ' (log was truncated)' : ''}; the error starts at line ${at + 1}, the cause is line ${cause + 1}: ${clipLine(lines[cause] ?? '', 200)}\n${excerpt.join('\n')}`,
      summary: `error at line ${at + 1}, cause at line ${cause + 1}`,
    };
  },
});
