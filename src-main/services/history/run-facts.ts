import type Database from 'better-sqlite3';
import { RUN_TIME_SQL } from './run-time';

export interface RunFacts {
  readonly runId: string;
  readonly state: string;
  readonly at: string | null;
  readonly durationS: number | null;
  readonly dagVersion: string | null;
  readonly conf: string | null;
  readonly runType: string;
}

export interface TaskFacts {
  readonly taskId: string;
  readonly mapIndex: number;
  readonly state: string;
  readonly tries: number;
  readonly durationS: number | null;
  readonly hostname: string | null;
  readonly pool: string | null;
  readonly queue: string | null;
  readonly operator: string | null;
}

const RUN_SQL = `SELECT run_id AS runId, state, ${RUN_TIME_SQL} AS at, duration_s AS durationS,
  dag_version AS dagVersion, conf_json AS conf, run_type AS runType FROM dag_runs`;

/** The facts of runs and task instances that the copilot's "what changed" and "compare" look at, camelCase. */
export function runFacts(db: Database.Database, envId: string, dagId: string, runId: string): RunFacts | null {
  return (db.prepare(`${RUN_SQL} WHERE env_id = ? AND dag_id = ? AND run_id = ?`).get(envId, dagId, runId) as RunFacts | undefined) ?? null;
}

/** Runs of a DAG that ended failed or succeeded, newest first. */
export function finishedRuns(db: Database.Database, envId: string, dagId: string, limit: number): RunFacts[] {
  return db
    .prepare(
      `${RUN_SQL} WHERE env_id = ? AND dag_id = ? AND state IN ('success', 'failed') AND deleted_upstream = 0 ORDER BY at DESC LIMIT ?`,
    )
    .all(envId, dagId, limit) as RunFacts[];
}

export function taskFacts(db: Database.Database, envId: string, dagId: string, runId: string): TaskFacts[] {
  return db
    .prepare(
      `SELECT task_id AS taskId, map_index AS mapIndex, state, try_number AS tries, duration_s AS durationS, hostname, pool, queue, operator
       FROM task_instances WHERE env_id = ? AND dag_id = ? AND run_id = ? ORDER BY task_id, map_index`,
    )
    .all(envId, dagId, runId) as TaskFacts[];
}
