import type Database from 'better-sqlite3';
import type { DurationBand, DurationHistory, DurationPoint } from '../../../src-shared/domain/dag-history';
import { quantile } from './percentiles';

type PointRow = [runId: string, at: string, durationS: number, state: string];

const MAX_POINTS = 20_000;
const BUCKETS = 48;

/** Median and p10–p90 of successful durations per time bucket (buckets without one are left out). */
export function durationBands(points: readonly DurationPoint[], from: string, to: string, buckets = BUCKETS): DurationBand[] {
  const start = Date.parse(from);
  const width = Math.max(1, (Date.parse(to) - start) / buckets);
  const grouped: number[][] = Array.from({ length: buckets }, () => []);
  for (const p of points) {
    if (p.state !== 'success') continue;
    const i = Math.min(buckets - 1, Math.max(0, Math.floor((Date.parse(p.at) - start) / width)));
    grouped[i]?.push(p.durationS);
  }
  return grouped.flatMap((values, i) => {
    if (values.length === 0) return [];
    const sorted = values.sort((a, b) => a - b);
    return [
      {
        at: new Date(start + (i + 0.5) * width).toISOString(),
        p10: quantile(sorted, 0.1) ?? 0,
        median: quantile(sorted, 0.5) ?? 0,
        p90: quantile(sorted, 0.9) ?? 0,
      },
    ];
  });
}

/**
 * Durations of a DAG's runs, or of one task's instances, over a window, each placed at its run's logical date
 * (else run_after): a month of daily runs caught up in minutes stays a month on the chart. Runs are read through
 * the logical-date index of migration 80, instances by their primary key run by run.
 */
export class DurationHistoryQuery {
  private readonly runs;
  private readonly instances;

  constructor(db: Database.Database) {
    this.runs = db
      .prepare(
        `SELECT run_id, COALESCE(logical_date, run_after, start_date) AS at, duration_s, state FROM dag_runs
         WHERE env_id = ? AND dag_id = ? AND COALESCE(logical_date, run_after, queued_at, start_date) >= ?
           AND COALESCE(logical_date, run_after, queued_at, start_date) < ? AND duration_s IS NOT NULL
           AND state IN ('success', 'failed') AND deleted_upstream = 0
         ORDER BY at LIMIT ${MAX_POINTS + 1}`,
      )
      .raw();
    this.instances = db
      .prepare(
        `SELECT ti.run_id, COALESCE(r.logical_date, r.run_after, ti.start_date) AS at, ti.duration_s, ti.state
         FROM dag_runs r JOIN task_instances ti ON ti.env_id = r.env_id AND ti.dag_id = r.dag_id AND ti.run_id = r.run_id
         WHERE r.env_id = @envId AND r.dag_id = @dagId AND COALESCE(r.logical_date, r.run_after, r.queued_at, r.start_date) >= @from
           AND COALESCE(r.logical_date, r.run_after, r.queued_at, r.start_date) < @to AND ti.task_id = @taskId
           AND ti.duration_s IS NOT NULL AND ti.state IN ('success', 'failed')
         ORDER BY at LIMIT ${MAX_POINTS + 1}`,
      )
      .raw();
  }

  history(envId: string, dagId: string, taskId: string | undefined, from: string, to: string): DurationHistory {
    const rows = (
      taskId === undefined ? this.runs.all(envId, dagId, from, to) : this.instances.all({ envId, dagId, taskId, from, to })
    ) as PointRow[];
    const truncated = rows.length > MAX_POINTS;
    const points = rows.slice(0, MAX_POINTS).map(([runId, at, durationS, state]) => ({ runId, at, durationS, state }));
    const successes = points
      .filter((p) => p.state === 'success')
      .map((p) => p.durationS)
      .sort((a, b) => a - b);
    return {
      envId,
      dagId,
      taskId: taskId ?? null,
      points,
      band: durationBands(points, from, to),
      median: quantile(successes, 0.5),
      truncated,
    };
  }
}
