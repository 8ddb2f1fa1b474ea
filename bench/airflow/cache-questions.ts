import type Database from 'better-sqlite3';
import type { FailedRun, FailureRate, QuestionWindow, SlowTaskInstance } from './questions';

/** The three questions as SQL over the synced cache (schema: src-main/services/cache/migrations/001-initial.ts). */
export class CacheQuestions {
  constructor(
    private readonly db: Database.Database,
    private readonly envId: string,
  ) {}

  /** Runs and failed runs per DAG among runs started in the last 30 days. */
  failureRates(w: QuestionWindow): FailureRate[] {
    return this.db
      .prepare(
        `SELECT dag_id AS dagId, COUNT(*) AS runs, SUM(state = 'failed') AS failed
           FROM dag_runs
          WHERE env_id = ? AND start_date >= ? AND deleted_upstream = 0
          GROUP BY dag_id ORDER BY dag_id`,
      )
      .all(this.envId, w.since30d) as FailureRate[];
  }

  /** The 20 longest task instances that started yesterday (UTC). */
  slowestYesterday(w: QuestionWindow): SlowTaskInstance[] {
    return this.db
      .prepare(
        `SELECT dag_id AS dagId, run_id AS runId, task_id AS taskId, map_index AS mapIndex, duration_s AS durationS
           FROM task_instances
          WHERE env_id = ? AND start_date >= ? AND start_date < ? AND duration_s IS NOT NULL AND deleted_upstream = 0
          ORDER BY duration_s DESC LIMIT 20`,
      )
      .all(this.envId, w.yesterdayStart, w.todayStart) as SlowTaskInstance[];
  }

  /** Every failed run, across DAGs, started since Monday 00:00 UTC. */
  failedRunsSinceMonday(w: QuestionWindow): FailedRun[] {
    return this.db
      .prepare(
        `SELECT dag_id AS dagId, run_id AS runId, start_date AS startDate
           FROM dag_runs
          WHERE env_id = ? AND state = 'failed' AND start_date >= ? AND deleted_upstream = 0
          ORDER BY start_date, dag_id, run_id`,
      )
      .all(this.envId, w.monday) as FailedRun[];
  }
}
