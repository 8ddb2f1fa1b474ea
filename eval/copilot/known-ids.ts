import type Database from 'better-sqlite3';
import type { KnownIds } from './answer-score';

const column = (db: Database.Database, sql: string, envId: string): Set<string> =>
  new Set((db.prepare(sql).all(envId) as { v: string | null }[]).map((r) => r.v).filter((v): v is string => v !== null));

/** Every id the cache holds for one environment: DAGs, tasks, runs, assets, and pools and versions. */
export function knownIds(db: Database.Database, envId: string): KnownIds {
  return {
    dags: column(db, 'SELECT dag_id AS v FROM dags WHERE env_id = ?', envId),
    tasks: column(db, 'SELECT DISTINCT task_id AS v FROM tasks WHERE env_id = ?', envId),
    runs: column(db, 'SELECT run_id AS v FROM dag_runs WHERE env_id = ?', envId),
    assets: column(db, 'SELECT uri AS v FROM assets WHERE env_id = ?', envId),
    other: new Set([
      ...column(db, 'SELECT DISTINCT pool AS v FROM task_instances WHERE env_id = ?', envId),
      ...column(db, 'SELECT DISTINCT dag_version AS v FROM dag_runs WHERE env_id = ?', envId),
    ]),
  };
}
