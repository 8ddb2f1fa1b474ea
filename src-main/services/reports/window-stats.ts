import type Database from 'better-sqlite3';

export interface DagWindowStats {
  dagId: string;
  runs: number;
  failedRuns: number;
  lastFailureAt: string | null;
}

export interface WindowTotals {
  runs: number;
  byState: Record<string, number>;
  failedTasks: number;
  retriedTries: number;
}

/** Counts over one environment's time window; read through the start-time indexes, SQL fixed, values bound. */
export class WindowStats {
  private readonly states;
  private readonly perDag;
  private readonly failedTasks;
  private readonly retries;

  constructor(db: Database.Database) {
    this.states = db.prepare(
      'SELECT state, COUNT(*) AS n FROM dag_runs WHERE env_id = ? AND start_date >= ? AND start_date < ? AND deleted_upstream = 0 GROUP BY state',
    );
    this.perDag = db.prepare(
      `SELECT dag_id, COUNT(*) AS runs, SUM(state = 'failed') AS failed, MAX(CASE WHEN state = 'failed' THEN COALESCE(end_date, start_date) END) AS last_failure
       FROM dag_runs WHERE env_id = ? AND start_date >= ? AND start_date < ? AND deleted_upstream = 0 GROUP BY dag_id`,
    );
    this.failedTasks = db.prepare(
      `SELECT COUNT(*) FROM task_instances
       WHERE env_id = ? AND state IN ('failed', 'up_for_retry', 'upstream_failed') AND state = 'failed' AND start_date >= ? AND start_date < ?`,
    ).pluck();
    this.retries = db.prepare("SELECT COUNT(*) FROM task_tries WHERE env_id = ? AND start_date >= ? AND start_date < ? AND state <> 'success'").pluck();
  }

  totals(envId: string, from: string, to: string): WindowTotals {
    const byState: Record<string, number> = {};
    let runs = 0;
    for (const r of this.states.all(envId, from, to) as { state: string; n: number }[]) {
      byState[r.state] = r.n;
      runs += r.n;
    }
    return { runs, byState, failedTasks: Number(this.failedTasks.get(envId, from, to)), retriedTries: Number(this.retries.get(envId, from, to)) };
  }

  /** Every DAG that ran in the window, most failed runs first. */
  dags(envId: string, from: string, to: string): DagWindowStats[] {
    return (this.perDag.all(envId, from, to) as { dag_id: string; runs: number; failed: number; last_failure: string | null }[])
      .map((r) => ({ dagId: r.dag_id, runs: r.runs, failedRuns: r.failed, lastFailureAt: r.last_failure }))
      .sort((a, b) => b.failedRuns - a.failedRuns || a.dagId.localeCompare(b.dagId));
  }
}
