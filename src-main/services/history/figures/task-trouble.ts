import type Database from 'better-sqlite3';

/**
 * How many of a task's last `n` finished instances (success or failed, with a start; by start time, all map indexes)
 * failed or needed a retry: the instance failed, or one of its earlier tries failed (`failed` or `up_for_retry`).
 * The risk tooltip's long-run reason states this figure ("failed or needed a retry in 12 of its last 500 runs").
 */
export class TaskTroubleQuery {
  private readonly last;

  constructor(db: Database.Database) {
    this.last = db.prepare(
      `SELECT COUNT(*) AS runs, COALESCE(SUM(troubled), 0) AS troubled FROM (
         SELECT (t.state = 'failed' OR EXISTS (
                  SELECT 1 FROM task_tries y WHERE y.env_id = t.env_id AND y.dag_id = t.dag_id AND y.run_id = t.run_id AND y.task_id = t.task_id
                    AND y.map_index = t.map_index AND y.try_number < t.try_number AND y.state IN ('failed', 'up_for_retry'))) AS troubled
         FROM task_instances t
         WHERE t.env_id = @envId AND t.dag_id = @dagId AND t.task_id = @taskId AND t.state IN ('success', 'failed') AND t.start_date IS NOT NULL
         ORDER BY t.start_date DESC LIMIT @n)`,
    );
  }

  lastRuns(envId: string, dagId: string, taskId: string, n: number): { runs: number; troubled: number } {
    return this.last.get({ envId, dagId, taskId, n }) as { runs: number; troubled: number };
  }
}
