import type Database from 'better-sqlite3';

/** A DAG whose runs' conf names a parent DAG (`parent_dag_id`, as TriggerDagRunOperator callers often pass it). */
export interface ConfParent {
  child: string;
  parent: string;
}

/** Every distinct (DAG, conf `parent_dag_id`) pair of the environment's runs, counted or not; malformed conf is skipped. */
export function confParents(db: Database.Database, envId: string): ConfParent[] {
  return db
    .prepare(
      `SELECT DISTINCT dag_id AS child, json_extract(conf_json, '$.parent_dag_id') AS parent FROM dag_runs
       WHERE env_id = ? AND conf_json LIKE '%parent_dag_id%' AND json_valid(conf_json) AND json_type(conf_json, '$.parent_dag_id') = 'text'`,
    )
    .all(envId) as ConfParent[];
}
