import type Database from 'better-sqlite3';
import { RUN_TIME_SQL } from '../run-time';

/** When an environment's oldest counted run happened (its run time, `history/run-time`); null with no runs. */
export class FirstRunQuery {
  private readonly firstRun;

  constructor(db: Database.Database) {
    this.firstRun = db.prepare(`SELECT MIN(${RUN_TIME_SQL}) FROM dag_runs WHERE env_id = ? AND deleted_upstream = 0`).pluck();
  }

  at(envId: string): string | null {
    return (this.firstRun.get(envId) as string | null | undefined) ?? null;
  }
}
