import type { Severity } from '../../../../src-shared/domain/analytics';
import type { AnomalyRow, RiskRow } from '../rule-inputs';
import { subjectOf, type Candidate } from './candidate';

const RANK: Readonly<Record<Severity, number>> = { low: 0, medium: 1, high: 2, critical: 3 };

/** Anomalies of a kind at or above a severity (new error patterns are anomalies of their own kind). One firing per anomaly episode. */
export function matchingAnomalies(rows: readonly AnomalyRow[], kind: AnomalyRow['kind'], minSeverity: Severity): Candidate[] {
  return rows
    .filter((a) => a.kind === kind && RANK[a.severity] >= RANK[minSeverity])
    .map((a) => ({
      subject: subjectOf(a.dagId, a.taskId),
      window: `${a.kind}@${a.startsAt}`,
      dagId: a.dagId,
      taskId: a.taskId,
      runId: a.runId,
      atMs: a.detectedMs,
      title: a.title,
      detail: `${a.severity} · ${a.observed}`,
    }));
}

/** Tasks whose next run the failure model gives at least `above`: evaluated now only (past probabilities are not kept), one firing per task and day. */
export function riskyTasks(rows: readonly RiskRow[], above: number, nowMs: number): Candidate[] {
  const day = new Date(nowMs).toISOString().slice(0, 10);
  return rows
    .filter((r) => r.probability >= above)
    .map((r) => ({
      subject: subjectOf(r.dagId, r.taskId),
      window: day,
      dagId: r.dagId,
      taskId: r.taskId,
      runId: null,
      atMs: nowMs,
      title: `${r.taskId}: ${Math.round(r.probability * 100)}% likely to fail next run`,
      detail: `At or above the rule's ${Math.round(above * 100)}%.`,
    }));
}
