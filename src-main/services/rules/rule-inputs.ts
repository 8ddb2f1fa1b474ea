import type Database from 'better-sqlite3';
import type { AnomalyKind, Severity } from '../../../src-shared/domain/analytics';

const DAY = 86_400_000;
/** The p99 of a task is taken over the 30 days before each instance. */
export const P99_BASELINE_DAYS = 30;

export interface RunRow {
  readonly dagId: string;
  readonly runId: string;
  readonly state: string;
  readonly endMs: number;
}

export interface DurationRow {
  readonly dagId: string;
  readonly taskId: string;
  readonly runId: string;
  readonly startMs: number;
  readonly durationS: number;
}

export interface AnomalyRow {
  readonly kind: AnomalyKind;
  readonly dagId: string;
  readonly taskId: string | null;
  readonly runId: string | null;
  readonly severity: Severity;
  readonly startsAt: string;
  readonly detectedMs: number;
  readonly title: string;
  readonly observed: string;
}

export interface RiskRow {
  readonly dagId: string;
  readonly taskId: string;
  readonly probability: number;
}

/** What rules read of one environment over [fromMs, toMs]; each part is read on first use only. */
export interface RuleInputs {
  readonly envId: string;
  readonly fromMs: number;
  readonly toMs: number;
  runs(): readonly RunRow[];
  durations(): readonly DurationRow[];
  anomalies(): readonly AnomalyRow[];
  risks(): readonly RiskRow[];
}

const ms = (iso: string | null): number => (iso === null ? NaN : Date.parse(iso));
const iso = (t: number): string => new Date(t).toISOString();

function once<T>(load: () => T): () => T {
  let value: T | undefined;
  return () => (value ??= load());
}

/** Reads rule inputs with fixed SQL and bound values (the time indexes keep it proportional to the window). */
export function loadRuleInputs(db: Database.Database, envId: string, fromMs: number, toMs: number): RuleInputs {
  return {
    envId,
    fromMs,
    toMs,
    runs: once(() =>
      (
        db
          .prepare(
            `SELECT dag_id, run_id, state, COALESCE(end_date, start_date, queued_at, run_after, logical_date) FROM dag_runs
        WHERE env_id = ? AND deleted_upstream = 0 AND COALESCE(start_date, queued_at, run_after, logical_date) >= ? AND COALESCE(start_date, queued_at, run_after, logical_date) <= ?
        ORDER BY dag_id, COALESCE(logical_date, run_after, queued_at), queued_at`,
          )
          .raw()
          .all(envId, iso(fromMs - 7 * DAY), iso(toMs)) as [string, string, string, string | null][]
      ).map(([dagId, runId, state, end]) => ({ dagId, runId, state, endMs: ms(end) })),
    ),
    durations: once(() =>
      (
        db
          .prepare(
            `SELECT dag_id, task_id, run_id, start_date, duration_s FROM task_instances
        WHERE env_id = ? AND start_date >= ? AND start_date <= ? AND state = 'success' AND duration_s > 0
        ORDER BY dag_id, task_id, start_date`,
          )
          .raw()
          .all(envId, iso(fromMs - P99_BASELINE_DAYS * DAY), iso(toMs)) as [string, string, string, string, number][]
      ).map(([dagId, taskId, runId, start, durationS]) => ({ dagId, taskId, runId, startMs: ms(start), durationS })),
    ),
    anomalies: once(() =>
      (
        db
          .prepare(
            `SELECT kind, dag_id, task_id, run_id, severity, starts_at, detected_at, title, observed FROM anomalies
        WHERE env_id = ? AND detected_at >= ? AND detected_at <= ? ORDER BY detected_at`,
          )
          .raw()
          .all(envId, iso(fromMs), iso(toMs)) as [
          AnomalyKind,
          string,
          string | null,
          string | null,
          Severity,
          string,
          string,
          string,
          string,
        ][]
      ).map(([kind, dagId, taskId, runId, severity, startsAt, detected, title, observed]) => ({
        kind,
        dagId,
        taskId,
        runId,
        severity,
        startsAt,
        detectedMs: ms(detected),
        title,
        observed,
      })),
    ),
    risks: once(() =>
      (
        db.prepare('SELECT dag_id, task_id, probability FROM task_risks WHERE env_id = ?').raw().all(envId) as [string, string, number][]
      ).map(([dagId, taskId, probability]) => ({ dagId, taskId, probability })),
    ),
  };
}
