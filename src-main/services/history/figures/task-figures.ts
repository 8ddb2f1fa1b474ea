import type Database from 'better-sqlite3';
import { runInWindow, type FigureWindow } from './figure-window';

/** Task instance and try figures of a window; each counts only task instances of the window's counted runs. */
export interface TaskFigures {
  /** Task instances whose state is failed (upstream_failed not included), still listed by Airflow. */
  readonly failedTaskInstances: number;
  /**
   * Tries that failed (`failed` or `up_for_retry`) and were followed by another try of the same task instance (a
   * retry, or a re-run after a clear): the task instance's earlier tries, numbered below its current one, so a
   * history that lists the current try among the tries (Airflow 3's `/tries`) is not counted twice. The analytics
   * count tries the same way (analytics/history-load).
   */
  readonly retriedTries: number;
  /** Tries that ended in failure: the retried tries plus the last try of each failed task instance. */
  readonly failedTries: number;
}

/** Failed task instances, retried and failed tries of the runs in a window: one statement. */
export class TaskFiguresQuery {
  private readonly counts;

  constructor(db: Database.Database) {
    // From the window's runs to their task instances by primary key; tries are looked up only for instances tried more than once.
    this.counts = db.prepare(
      `SELECT COALESCE(SUM(t.state = 'failed'), 0) AS failed,
              COALESCE(SUM(CASE WHEN t.try_number > 1 THEN (
                SELECT COUNT(*) FROM task_tries y WHERE y.env_id = t.env_id AND y.dag_id = t.dag_id AND y.run_id = t.run_id
                  AND y.task_id = t.task_id AND y.map_index = t.map_index AND y.try_number < t.try_number AND y.state IN ('failed', 'up_for_retry'))
              ELSE 0 END), 0) AS retried
       FROM dag_runs r JOIN task_instances t ON t.env_id = r.env_id AND t.dag_id = r.dag_id AND t.run_id = r.run_id
       WHERE ${runInWindow('r')} AND t.deleted_upstream = 0`,
    );
  }

  inWindow(envId: string, w: FigureWindow): TaskFigures {
    const row = this.counts.get({ envId, from: w.from, to: w.to }) as { failed: number; retried: number };
    return { failedTaskInstances: row.failed, retriedTries: row.retried, failedTries: row.retried + row.failed };
  }
}
