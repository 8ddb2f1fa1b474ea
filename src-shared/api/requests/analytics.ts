import { z } from 'zod';
import { defineRequest } from '../define';
import {
  AnomalyDetail,
  AnomalyKind,
  AnomalyMark,
  AnomalySummary,
  PatternDetail,
  PatternSummary,
  RiskItem,
  Severity,
} from '../../domain/analytics';
import { DagId, EnvId, IsoTime } from '../../domain/ids';

/** A listed anomaly, with the failed run that briefs it (issue 16: one click from a finding to its failure brief). */
export const AnomalyListItem = AnomalySummary.extend({
  /** For a finding about failures of one task: the newest failed run in its span in which that task failed first; else null. */
  briefRunId: z.string().nullable(),
});
export type AnomalyListItem = z.infer<typeof AnomalyListItem>;

export const AnomalyList = z.object({
  items: z.array(AnomalyListItem),
  total: z.number().int(),
  /** When the environment was last scored; null before its first scoring. */
  scoredAt: IsoTime.nullable(),
});
export type AnomalyList = z.infer<typeof AnomalyList>;

export const PatternList = z.object({
  items: z.array(PatternSummary),
  /** How similar failures are found now: a local embedding model (embeddings.status says which) or log templates. */
  similarity: z.enum(['template', 'embedding']),
});
export type PatternList = z.infer<typeof PatternList>;

export const analyticsRequests = {
  'anomalies.list': defineRequest(
    'Anomalies of one environment, most unusual first, filtered by DAG, kind, severity and time',
    z
      .object({
        envId: EnvId,
        dagId: DagId.optional(),
        kinds: z.array(AnomalyKind).max(8).optional(),
        severities: z.array(Severity).max(4).optional(),
        since: IsoTime.optional(),
        until: IsoTime.optional(),
        limit: z.number().int().min(1).max(500).default(100),
      })
      .strict(),
    AnomalyList,
    { scope: 'environment', reads: ['analytics', 'runs', 'task_instances'] },
  ),
  'anomalies.get': defineRequest(
    'One anomaly with its explanation series (baseline band against observed) and proposed causes',
    z.object({ envId: EnvId, anomalyId: z.string().min(1).max(600) }).strict(),
    AnomalyDetail,
    { scope: 'environment', reads: ['analytics'] },
  ),
  'risks.list': defineRequest(
    'Calibrated probability that the next run of each task fails, with the top reasons and a mitigation each',
    z.object({ envId: EnvId, dagId: DagId.optional(), limit: z.number().int().min(1).max(5000).default(500) }).strict(),
    z.array(RiskItem),
    { scope: 'environment', reads: ['analytics'] },
  ),
  'patterns.list': defineRequest('Error patterns mined from failure logs, newest first', z.object({ envId: EnvId }).strict(), PatternList, {
    scope: 'environment',
    reads: ['analytics'],
  }),
  'patterns.get': defineRequest(
    'One error pattern with its affected tasks and sample lines',
    z.object({ envId: EnvId, patternId: z.string().min(1).max(40) }).strict(),
    PatternDetail,
    { scope: 'environment', reads: ['analytics'] },
  ),
  'anomalies.marks': defineRequest(
    'Acknowledged and muted tasks of one environment',
    z.object({ envId: EnvId }).strict(),
    z.array(AnomalyMark),
    { scope: 'environment', reads: ['analytics'] },
  ),
  'anomalies.mark': defineRequest(
    'Acknowledges or mutes the anomalies of one task (taskId "" for a DAG), or clears the mark (null)',
    z.object({ envId: EnvId, dagId: DagId, taskId: z.string().max(250), mark: AnomalyMark.shape.mark.nullable() }).strict(),
    z.array(AnomalyMark),
    { scope: 'environment', changes: ['analytics'] },
  ),
  'analytics.rescore': defineRequest(
    'Scores the environment again (anomalies, error patterns, failure risk) when its history changed',
    z.object({ envId: EnvId, force: z.boolean().default(false) }).strict(),
    z.object({ jobId: z.string().nullable(), rescored: z.boolean() }),
    { scope: 'environment', changes: ['analytics'] },
  ),
} as const;
