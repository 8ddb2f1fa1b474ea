import type Database from 'better-sqlite3';

export interface RunKey {
  dagId: string;
  runId: string;
}

/**
 * The `deleted_upstream` flag of runs and their task instances: set when
 * Airflow no longer has a run (deleted, or pruned by `airflow db clean`),
 * cleared when Airflow returns it again.
 */
export class UpstreamMarks {
  private readonly markRun: Database.Statement;
  private readonly markTis: Database.Statement;
  private readonly reviveRun: Database.Statement;
  private readonly reviveTis: Database.Statement;
  private readonly anyMarked: Database.Statement;

  constructor(
    private readonly db: Database.Database,
    private readonly envId: string,
  ) {
    this.markRun = db.prepare(
      'UPDATE dag_runs SET deleted_upstream = 1 WHERE env_id = ? AND dag_id = ? AND run_id = ? AND deleted_upstream = 0',
    );
    this.markTis = db.prepare(
      'UPDATE task_instances SET deleted_upstream = 1 WHERE env_id = ? AND dag_id = ? AND run_id = ? AND deleted_upstream = 0',
    );
    this.reviveRun = db.prepare(
      'UPDATE dag_runs SET deleted_upstream = 0 WHERE env_id = ? AND dag_id = ? AND run_id = ? AND deleted_upstream = 1',
    );
    this.reviveTis = db.prepare(
      'UPDATE task_instances SET deleted_upstream = 0 WHERE env_id = ? AND dag_id = ? AND run_id = ? AND deleted_upstream = 1',
    );
    this.anyMarked = db.prepare('SELECT 1 FROM dag_runs WHERE env_id = ? AND deleted_upstream = 1 LIMIT 1');
  }

  /** Whether any run of the environment is marked (when none is, reviving can be skipped). */
  hasMarked(): boolean {
    return this.anyMarked.get(this.envId) !== undefined;
  }

  /** Marks runs gone upstream; returns how many runs changed. Call inside a transaction. */
  markGone(runs: readonly RunKey[]): number {
    let changed = 0;
    for (const { dagId, runId } of runs) {
      changed += this.markRun.run(this.envId, dagId, runId).changes;
      this.markTis.run(this.envId, dagId, runId);
    }
    return changed;
  }

  /** Clears the mark of a run Airflow returned; returns 1 when it was marked. */
  revive(run: RunKey): number {
    const changed = this.reviveRun.run(this.envId, run.dagId, run.runId).changes;
    if (changed > 0) this.reviveTis.run(this.envId, run.dagId, run.runId);
    return changed;
  }
}
