import { z } from 'zod';
import { EnvId, IsoTime } from './ids';

export const AnomalyKind = z.enum([
  'duration_spike',
  'gradual_slowdown',
  'failure_burst',
  'flaky_task',
  'bad_deploy',
  'late_schedule',
  'missed_schedule',
  'new_error_pattern',
  'queue_spike',
  'pool_starvation',
]);
export type AnomalyKind = z.infer<typeof AnomalyKind>;

export const Severity = z.enum(['low', 'medium', 'high', 'critical']);
export type Severity = z.infer<typeof Severity>;

/** A shared upstream proposed as the likely cause (asset, task, host, pool, version, error pattern, time window). */
export const CauseHint = z.object({
  kind: z.enum(['asset', 'task', 'host', 'pool', 'version', 'pattern', 'window', 'dag']),
  value: z.string(),
  detail: z.string(),
});
export type CauseHint = z.infer<typeof CauseHint>;

/** One point of an explanation chart: what was observed against the expected band. */
export const SeriesPoint = z.object({
  t: IsoTime,
  observed: z.number().nullable(),
  expected: z.number().nullable(),
  lo: z.number().nullable(),
  hi: z.number().nullable(),
  flagged: z.boolean(),
  runId: z.string().nullable(),
});
export type SeriesPoint = z.infer<typeof SeriesPoint>;

export const AnomalySummary = z.object({
  envId: EnvId,
  anomalyId: z.string(),
  kind: AnomalyKind,
  dagId: z.string(),
  taskId: z.string().nullable(),
  runId: z.string().nullable(),
  severity: Severity,
  score: z.number(),
  startsAt: IsoTime,
  endsAt: IsoTime,
  detectedAt: IsoTime,
  title: z.string(),
  expected: z.string(),
  observed: z.string(),
  why: z.string(),
});
export type AnomalySummary = z.infer<typeof AnomalySummary>;

export const AnomalyDetail = AnomalySummary.extend({
  unit: z.string(),
  series: z.array(SeriesPoint),
  causes: z.array(CauseHint),
  runIds: z.array(z.string()),
});
export type AnomalyDetail = z.infer<typeof AnomalyDetail>;

export const RiskReason = z.object({ feature: z.string(), text: z.string(), weight: z.number(), mitigation: z.string() });
export type RiskReason = z.infer<typeof RiskReason>;

export const RiskItem = z.object({
  envId: EnvId,
  dagId: z.string(),
  taskId: z.string().nullable(),
  probability: z.number(),
  level: z.enum(['low', 'elevated', 'high']),
  summary: z.string(),
  reasons: z.array(RiskReason),
  /** Probability that the next run finishes later than its usual finish (p90 of recent finishes against the run's due time). */
  lateProbability: z.number().nullable(),
  lateReasons: z.array(RiskReason),
});
export type RiskItem = z.infer<typeof RiskItem>;

export const PatternSummary = z.object({
  envId: EnvId,
  patternId: z.string(),
  template: z.string(),
  exception: z.string(),
  count: z.number().int(),
  firstSeen: IsoTime,
  lastSeen: IsoTime,
  isNew: z.boolean(),
  taskCount: z.number().int(),
  /** Failures per day over the last 30 days of the environment, oldest first. */
  daily: z.array(z.number().int()),
});
export type PatternSummary = z.infer<typeof PatternSummary>;

export const PatternDetail = PatternSummary.extend({
  tasks: z.array(z.object({ dagId: z.string(), taskId: z.string(), count: z.number().int(), lastSeen: IsoTime })),
  samples: z.array(
    z.object({ dagId: z.string(), taskId: z.string(), runId: z.string(), tryNumber: z.number().int(), at: IsoTime, line: z.string() }),
  ),
});
export type PatternDetail = z.infer<typeof PatternDetail>;

/** A person's mark on a task's anomalies (taskId '' for DAG-level ones), kept across rescoring. */
export const AnomalyMark = z.object({
  dagId: z.string(),
  taskId: z.string(),
  mark: z.enum(['acknowledged', 'muted']),
  markedAt: IsoTime,
});
export type AnomalyMark = z.infer<typeof AnomalyMark>;
