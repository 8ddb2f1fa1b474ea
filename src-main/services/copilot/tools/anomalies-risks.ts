import { z } from 'zod';
import type { AnomalyKind } from '../../../../src-shared/domain/analytics';
import { AnalyticsStore } from '../../analytics/analytics-store';
import { clipLine, daysBefore } from './clip';
import { ToolDagId, ToolDays, ToolTaskId } from './tool-args';
import { defineTool, type ToolContext } from './tool-types';

const MAX_ANOMALIES = 10;

/** Which anomalies a question is about; the agent drafts it from the question's words. */
export const AnomalyTopic = z.enum(['slowdown', 'failures', 'timing', 'errors']).describe('only anomalies of this kind');
export type AnomalyTopic = z.infer<typeof AnomalyTopic>;

const KINDS_OF_TOPIC: Readonly<Record<AnomalyTopic, readonly AnomalyKind[]>> = {
  slowdown: ['gradual_slowdown', 'duration_spike'],
  failures: ['failure_burst', 'flaky_task', 'bad_deploy'],
  timing: ['late_schedule', 'missed_schedule', 'queue_spike', 'pool_starvation'],
  errors: ['new_error_pattern'],
};
const MAX_RISKS = 5;
const SCAN = 500;

function citeFinding(ctx: ToolContext, dagId: string, taskId: string | null, runId: string | null): string {
  if (runId !== null)
    return ctx.cite({ kind: 'run', dagId, runId, taskId, mapIndex: null, tryNumber: null, line: null, label: `${dagId} · ${runId}` });
  if (taskId !== null)
    return ctx.cite({ kind: 'task', dagId, runId: null, taskId, mapIndex: null, tryNumber: null, line: null, label: `${dagId}.${taskId}` });
  return ctx.cite({ kind: 'dag', dagId, runId: null, taskId: null, mapIndex: null, tryNumber: null, line: null, label: dagId });
}

/** The analytics' findings (duration, failure-rate, timing, queue and pool anomalies) and failure and lateness risks, read from what scoring stored. */
export const anomaliesAndRisks = defineTool({
  name: 'anomalies_and_risks',
  description:
    'Anomalies (slower runs or tasks, failure bursts, late or missed schedules, queue-time spikes and starved pools, new errors) of the last days, latest first (then by severity), and the tasks most likely to fail next run. Optionally for one DAG or task.',
  input: z
    .object({ dagId: ToolDagId.optional(), taskId: ToolTaskId.optional(), days: ToolDays.optional(), about: AnomalyTopic.optional() })
    .strict(),
  run(ctx, args) {
    const store = new AnalyticsStore(ctx.db);
    const scoredAt = store.scoredAt(ctx.envId);
    if (scoredAt === null)
      return {
        text: 'This environment has not been scored yet: no anomalies or risks are known. Use list_failures or duration_history instead.',
        summary: 'not scored yet',
      };
    const days = args.days ?? 14;
    const found = store
      .list({ envId: ctx.envId, dagId: args.dagId, since: daysBefore(ctx.asOf, days), limit: SCAN })
      .items.filter(
        (a) =>
          (args.taskId === undefined || a.taskId === args.taskId) &&
          (args.about === undefined || KINDS_OF_TOPIC[args.about].includes(a.kind)),
      )
      .slice(0, MAX_ANOMALIES);
    const anomalyLines = found.map((a) => {
      const ref = citeFinding(ctx, a.dagId, a.taskId, a.runId);
      const where = `${a.dagId}${a.taskId ? `.${a.taskId}` : ''}${a.runId ? ` run=${a.runId}` : ''}`;
      return `[${ref}] ${a.kind} ${a.severity} (score ${a.score}) ${where} from ${a.startsAt} to ${a.endsAt}: ${clipLine(a.title, 140)}; expected ${clipLine(a.expected, 100)}; observed ${clipLine(a.observed, 100)}; why: ${clipLine(a.why, 160)}`;
    });
    const risks = store
      .risks(ctx.envId, args.dagId, SCAN)
      .filter((r) => r.level !== 'low' && (args.taskId === undefined || r.taskId === args.taskId))
      .slice(0, MAX_RISKS);
    const riskLines = risks.map((r) => {
      const ref = citeFinding(ctx, r.dagId, r.taskId, null);
      const late =
        r.lateProbability === null
          ? ''
          : `; ${Math.round(r.lateProbability * 100)}% likely to finish later than usual (${clipLine(r.lateReasons.map((x) => x.text).join('; ') || 'no reason above the base rate', 160)})`;
      return `[${ref}] ${r.dagId}.${r.taskId}: ${Math.round(r.probability * 100)}% (${r.level}) likely to fail or retry next run; reasons: ${clipLine(r.reasons.map((x) => x.text).join('; ') || 'none', 200)}${late}`;
    });
    const scope = args.dagId ? ` for ${args.dagId}${args.taskId ? `.${args.taskId}` : ''}` : '';
    const topic = args.about === undefined ? '' : ` (${KINDS_OF_TOPIC[args.about].join(', ')})`;
    return {
      text: [
        `Anomalies${topic} of the last ${days} days up to ${ctx.asOf}${scope}, latest first, then by severity:`,
        ...(anomalyLines.length > 0 ? anomalyLines : ['none']),
        `Failure risk of the next run${scope}:`,
        ...(riskLines.length > 0 ? riskLines : ['no task at elevated risk']),
      ].join('\n'),
      summary: `${found.length} anomalies, ${risks.length} risks`,
    };
  },
});
