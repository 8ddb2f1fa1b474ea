import type Database from 'better-sqlite3';
import { runTimeOf } from '../run-time';
import { failedRunInWindow, type FigureWindow } from './figure-window';

/** One failed run of a window, at its run time. */
export interface FailedRun {
  readonly dagId: string;
  readonly runId: string;
  /** The run time (`runTimeOf`) that put it in the window. */
  readonly at: string;
}

/** A failed run with the ids of its failed task instances (comma-separated, null when none failed). */
export interface FailedRunWithTasks extends FailedRun {
  readonly failedTasks: string | null;
}

/**
 * The failed runs of a window (`failedRunInWindow`): the Overview's and the Fleet's "failed runs", the triage queue,
 * the reports' failed runs and the copilot's `list_failures` all count these runs.
 */
export class FailedRunsQuery {
  private readonly list;
  private readonly listWithTasks;
  private readonly count;

  constructor(db: Database.Database) {
    // `+at`: sorting through dag_runs_by_run_time would walk every run of the environment instead of the few failed ones.
    this.list = db.prepare(
      `SELECT r.dag_id AS dagId, r.run_id AS runId, ${runTimeOf('r')} AS at FROM dag_runs r
       WHERE ${failedRunInWindow('r')} AND (@dagId IS NULL OR r.dag_id = @dagId)
       ORDER BY +at DESC, r.dag_id, r.run_id`,
    );
    this.listWithTasks = db.prepare(
      `SELECT r.dag_id AS dagId, r.run_id AS runId, ${runTimeOf('r')} AS at,
              (SELECT group_concat(t.task_id, ', ') FROM task_instances t
                WHERE t.env_id = r.env_id AND t.dag_id = r.dag_id AND t.run_id = r.run_id AND t.state = 'failed') AS failedTasks
       FROM dag_runs r
       WHERE ${failedRunInWindow('r')} AND (@dagId IS NULL OR r.dag_id = @dagId)
       ORDER BY +at DESC, r.dag_id, r.run_id LIMIT @limit`,
    );
    this.count = db
      .prepare(`SELECT COUNT(*) FROM dag_runs r WHERE ${failedRunInWindow('r')} AND (@dagId IS NULL OR r.dag_id = @dagId)`)
      .pluck();
  }

  /** Newest first; of one DAG when `dagId` is given. */
  runs(envId: string, w: FigureWindow, dagId: string | null = null): FailedRun[] {
    return this.list.all({ envId, from: w.from, to: w.to, dagId }) as FailedRun[];
  }

  /** The newest `limit` of `runs`, each with its failed tasks. */
  newestWithTasks(envId: string, w: FigureWindow, dagId: string | null, limit: number): FailedRunWithTasks[] {
    return this.listWithTasks.all({ envId, from: w.from, to: w.to, dagId, limit }) as FailedRunWithTasks[];
  }

  total(envId: string, w: FigureWindow, dagId: string | null = null): number {
    return Number(this.count.get({ envId, from: w.from, to: w.to, dagId }));
  }
}
