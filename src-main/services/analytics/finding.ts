import type { AnomalyKind, CauseHint, SeriesPoint, Severity } from '../../../src-shared/domain/analytics';

/** What a detector reports: one episode, explained (expected vs observed vs why). */
export interface Finding {
  readonly kind: AnomalyKind;
  readonly dagId: string;
  readonly taskId: string | null;
  readonly runId: string | null;
  readonly severity: Severity;
  /** Higher is more unusual; comparable across kinds (roughly a z-score). */
  readonly score: number;
  readonly startsMs: number;
  readonly endsMs: number;
  /** When the evidence was first in the cache: the detection time. */
  readonly detectedMs: number;
  readonly title: string;
  readonly expected: string;
  readonly observed: string;
  readonly why: string;
  readonly unit: string;
  readonly series: readonly SeriesPoint[];
  readonly causes: readonly CauseHint[];
  readonly runIds: readonly string[];
}

export function severityOf(score: number): Severity {
  return score >= 12 ? 'critical' : score >= 8 ? 'high' : score >= 5 ? 'medium' : 'low';
}
