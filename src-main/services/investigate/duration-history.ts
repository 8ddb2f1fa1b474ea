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
    return [{ at: new Date(start + (i + 0.5) * width).toISOString(), p10: quantile(sorted, 0.1) ?? 0, median: quantile(sorted, 0.5) ?? 0, p90: quantile(sorted, 0.9) ?? 0 }];
  });
}

/** Durations of a DAG's runs, or of one task's instances, over a window; read through the time indexes. */
export class DurationHistoryQuery {
  private readonly runs;
  private readonly instances;

  constructor(db: Database.Database) {
    this.runs = db
      .prepare(
        `SELECT run_id, start_date, duration_s, state FROM dag_runs
         WHERE env_id = ? AND dag_id = ? AND start_date >= ? AND start_date < ? AND duration_s IS NOT NULL
           AND state IN ('success', 'failed') AND deleted_upstream = 0
         ORDER BY start_date LIMIT ${MAX_POINTS + 1}`,
      )
      .raw();
    this.instances = db
      .prepare(
        `SELECT run_id, start_date, duration_s, state FROM task_instances
         WHERE env_id = ? AND dag_id = ? AND task_id = ? AND start_date >= ? AND start_date < ? AND duration_s IS NOT NULL
           AND state IN ('success', 'failed')
         ORDER BY start_date LIMIT ${MAX_POINTS + 1}`,
      )
      .raw();
  }

  history(envId: string, dagId: string, taskId: string | undefined, from: string, to: string): DurationHistory {
    const rows = (taskId === undefined ? this.runs.all(envId, dagId, from, to) : this.instances.all(envId, dagId, taskId, from, to)) as PointRow[];
    const truncated = rows.length > MAX_POINTS;
    const points = rows.slice(0, MAX_POINTS).map(([runId, at, durationS, state]) => ({ runId, at, durationS, state }));
    const successes = points.filter((p) => p.state === 'success').map((p) => p.durationS).sort((a, b) => a - b);
    return { envId, dagId, taskId: taskId ?? null, points, band: durationBands(points, from, to), median: quantile(successes, 0.5), truncated };
  }
}
