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
    this.counts = db.prepare(
      `WITH runs AS (SELECT r.dag_id, r.run_id FROM dag_runs r WHERE ${runInWindow('r')}),
            tis AS (SELECT t.dag_id, t.run_id, t.task_id, t.map_index, t.state, t.try_number FROM runs
                    JOIN task_instances t ON t.env_id = @envId AND t.dag_id = runs.dag_id AND t.run_id = runs.run_id
                    WHERE t.deleted_upstream = 0)
       SELECT (SELECT COUNT(*) FROM tis WHERE state = 'failed') AS failed,
              (SELECT COUNT(*) FROM tis JOIN task_tries y ON y.env_id = @envId AND y.dag_id = tis.dag_id AND y.run_id = tis.run_id
                 AND y.task_id = tis.task_id AND y.map_index = tis.map_index
               WHERE y.try_number < tis.try_number AND y.state IN ('failed', 'up_for_retry')) AS retried`,
    );
  }

  inWindow(envId: string, w: FigureWindow): TaskFigures {
    const row = this.counts.get({ envId, from: w.from, to: w.to }) as { failed: number; retried: number };
    return { failedTaskInstances: row.failed, retriedTries: row.retried, failedTries: row.retried + row.failed };
  }
}
