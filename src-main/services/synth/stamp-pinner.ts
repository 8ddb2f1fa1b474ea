import type Database from 'better-sqlite3';

/**
 * The cache stamps synced_at / fetched_at with the wall clock; synthetic
 * history pins them to its "now" so the same seed gives byte-identical rows.
 */
export class StampPinner {
  private readonly runs: Database.Statement;
  private readonly logs: Database.Statement;
  private readonly env: Database.Statement;

  constructor(db: Database.Database) {
    this.runs = db.prepare('UPDATE dag_runs SET synced_at = ? WHERE env_id = ? AND dag_id = ?');
    this.logs = db.prepare('UPDATE task_logs SET fetched_at = ? WHERE env_id = ? AND dag_id = ?');
    this.env = db.prepare('UPDATE environments SET created_at = ? WHERE id = ?');
  }

  pinDag(envId: string, dagId: string, asOf: string): void {
    this.runs.run(asOf, envId, dagId);
    this.logs.run(asOf, envId, dagId);
  }

  pinEnvironment(envId: string, asOf: string): void {
    this.env.run(asOf, envId);
  }
}
