import type Database from 'better-sqlite3';
import { ApiError } from '../../../src-shared/api/errors';
import type { AirflowAction } from '../../../src-shared/domain/actions';
import { confIssues, describeIssues, parseDagParams, type DagParam } from '../../../src-shared/domain/dag-params';

/** The params a DAG declares, as last synced (none when the cache has not read them). */
export function dagParams(db: Database.Database, envId: string, dagId: string): DagParam[] {
  const row = db.prepare('SELECT params_json FROM dags WHERE env_id = ? AND dag_id = ?').get(envId, dagId) as
    | { params_json: string | null }
    | undefined;
  return parseDagParams(row?.params_json ?? null);
}

/**
 * Refuses a trigger whose conf breaks the DAG's params before anything is
 * sent to Airflow (the renderer checks too, but is never trusted).
 */
export function assertTriggerConf(db: Database.Database, envId: string, actions: AirflowAction[]): void {
  for (const action of actions) {
    if (action.kind !== 'trigger_dag') continue;
    const issues = confIssues(dagParams(db, envId, action.dagId), action.conf);
    if (issues.length > 0) {
      throw new ApiError(
        'invalid_input',
        `The conf does not fit the params of ${action.dagId}: ${describeIssues(issues)}. Nothing was sent to Airflow.`,
        "Change the conf to match the DAG's params (their defaults are filled in when you open Trigger).",
      );
    }
  }
}
