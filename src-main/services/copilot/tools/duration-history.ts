import { z } from 'zod';
import { successfulDurations } from '../../history/task-durations';
import { daysBefore, seconds } from './clip';
import { ToolDagId, ToolDays, ToolTaskId } from './tool-args';
import { defineTool } from './tool-types';

function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? (s[mid] ?? null) : ((s[mid - 1] ?? 0) + (s[mid] ?? 0)) / 2;
}

function quantile(values: readonly number[], q: number): number | null {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? null;
}

export const durationHistory = defineTool({
  name: 'duration_history',
  description:
    "A task's successful durations: the recent days against the baseline of the 30 days before them, and the slowest recent runs.",
  input: z.object({ dagId: ToolDagId, taskId: ToolTaskId, days: ToolDays.optional() }).strict(),
  run(ctx, args) {
    const recentDays = args.days ?? 7;
    const rows = successfulDurations(ctx.db, ctx.envId, args.dagId, args.taskId, daysBefore(ctx.asOf, recentDays + 30));
    if (rows.length === 0)
      return { text: `No successful tries of ${args.dagId}.${args.taskId} in the last ${recentDays + 30} days.`, summary: 'no history' };
    const split = daysBefore(ctx.asOf, recentDays);
    const baseline = rows.filter((r) => r.start_date < split).map((r) => r.duration_s);
    const recentRows = rows.filter((r) => r.start_date >= split);
    const recent = recentRows.map((r) => r.duration_s);
    const base = median(baseline);
    const now = median(recent);
    const ratio = base !== null && now !== null && base > 0 ? now / base : null;
    const slowest = [...recentRows]
      .sort((a, b) => b.duration_s - a.duration_s)
      .slice(0, 3)
      .map((r) => {
        const ref = ctx.cite({
          kind: 'task',
          dagId: args.dagId,
          runId: r.run_id,
          taskId: args.taskId,
          mapIndex: null,
          tryNumber: null,
          line: null,
          label: `${args.dagId}.${args.taskId} in ${r.run_id}`,
        });
        return `[${ref}] run=${r.run_id} duration=${seconds(r.duration_s)}`;
      });
    const verdict =
      ratio === null
        ? 'not enough data to compare'
        : ratio >= 1.3
          ? `SLOWER: ${ratio.toFixed(2)}x the baseline`
          : ratio <= 0.77
            ? `faster: ${ratio.toFixed(2)}x the baseline`
            : `about the same (${ratio.toFixed(2)}x)`;
    return {
      text: [
        `Task ${args.dagId}.${args.taskId}:`,
        `baseline (30 days before the last ${recentDays}): median=${seconds(base)} p90=${seconds(quantile(baseline, 0.9))} over ${baseline.length} tries`,
        `last ${recentDays} days: median=${seconds(now)} p90=${seconds(quantile(recent, 0.9))} over ${recent.length} tries`,
        `verdict: ${verdict}`,
        ...(slowest.length > 0 ? ['slowest recent:', ...slowest] : []),
      ].join('\n'),
      summary: verdict,
    };
  },
});
