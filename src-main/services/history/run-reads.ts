import type Database from 'better-sqlite3';
import type { InstanceKey, RunDetailRecord, TaskInstanceRecord, TaskLogRecord, TaskTryRecord } from './run-rows';

/** The columns of `RunRecord`, in its order. */
export const RUN_COLUMNS =
  'env_id, dag_id, run_id, state, run_type, logical_date, queued_at, start_date, end_date, duration_s, deleted_upstream';
const RUN_DETAIL_COLUMNS = `${RUN_COLUMNS}, conf_json, note, dag_version, triggered_by`;
/** The columns of `TaskInstanceRecord` without its note. */
export const TASK_INSTANCE_COLUMNS =
  'env_id, dag_id, run_id, task_id, map_index, state, try_number, max_tries, start_date, end_date, duration_s, queued_at, hostname, operator, pool';
const TRY_COLUMNS = 'task_id, map_index, try_number, state, start_date, end_date, duration_s, hostname';
const RUN_KEY = 'env_id = ? AND dag_id = ? AND run_id = ?';
const INSTANCE_KEY = `${RUN_KEY} AND task_id = ? AND map_index = ?`;

const byDb = new WeakMap<Database.Database, RunReads>();

const instanceArgs = (k: InstanceKey): [string, string, string, string, number] => [k.envId, k.dagId, k.runId, k.taskId, k.mapIndex];

/**
 * The shared questions about one run and its task instances, tries and logs, asked by key (so they read every run,
 * counted or not: a run Airflow no longer returns keeps its own pages). All SQL fixed here; values are bound.
 * Window and figure questions over many runs live in `figures/`.
 */
export class RunReads {
  /** One instance per database, its statements prepared once (callers that hold only the database use this). */
  static of(db: Database.Database): RunReads {
    let reads = byDb.get(db);
    if (!reads) {
      reads = new RunReads(db);
      byDb.set(db, reads);
    }
    return reads;
  }

  private readonly runStmt;
  private readonly instancesStmt;
  private readonly instanceStmt;
  private readonly failedTasksStmt;
  private readonly triesOfRunStmt;
  private readonly triesStmt;
  private readonly logTriesStmt;
  private readonly logStmt;
  private readonly lastLogStmt;

  constructor(db: Database.Database) {
    this.runStmt = db.prepare(`SELECT ${RUN_DETAIL_COLUMNS} FROM dag_runs WHERE ${RUN_KEY}`);
    this.instancesStmt = db.prepare(
      `SELECT ${TASK_INSTANCE_COLUMNS} FROM task_instances WHERE ${RUN_KEY} ORDER BY COALESCE(start_date, '9999'), task_id, map_index`,
    );
    this.instanceStmt = db.prepare(`SELECT ${TASK_INSTANCE_COLUMNS}, note FROM task_instances WHERE ${INSTANCE_KEY}`);
    this.failedTasksStmt = db
      .prepare(`SELECT DISTINCT task_id FROM task_instances WHERE ${RUN_KEY} AND state = 'failed' ORDER BY task_id LIMIT ?`)
      .pluck();
    this.triesOfRunStmt = db.prepare(`SELECT ${TRY_COLUMNS} FROM task_tries WHERE ${RUN_KEY} ORDER BY task_id, map_index, try_number`);
    this.triesStmt = db.prepare(`SELECT ${TRY_COLUMNS} FROM task_tries WHERE ${INSTANCE_KEY} ORDER BY try_number`);
    this.logTriesStmt = db.prepare(`SELECT try_number FROM task_logs WHERE ${INSTANCE_KEY}`).pluck();
    this.logStmt = db.prepare(
      `SELECT map_index, try_number, content, truncated, fetched_at FROM task_logs WHERE ${INSTANCE_KEY} AND try_number = ?`,
    );
    this.lastLogStmt = db.prepare(
      `SELECT map_index, try_number, content, truncated, fetched_at FROM task_logs
       WHERE ${RUN_KEY} AND task_id = ? AND (? IS NULL OR try_number = ?)
       ORDER BY try_number DESC, map_index LIMIT 1`,
    );
  }

  /** One run with its detail columns, counted or not; undefined when the cache lacks it. */
  run(envId: string, dagId: string, runId: string): RunDetailRecord | undefined {
    return this.runStmt.get(envId, dagId, runId) as RunDetailRecord | undefined;
  }

  /** The task instances of a run, in start order (not started last), then task id and map index. */
  taskInstances(envId: string, dagId: string, runId: string): TaskInstanceRecord[] {
    return this.instancesStmt.all(envId, dagId, runId) as TaskInstanceRecord[];
  }

  /** One task instance with its note. */
  taskInstance(key: InstanceKey): TaskInstanceRecord | undefined {
    return this.instanceStmt.get(...instanceArgs(key)) as TaskInstanceRecord | undefined;
  }

  /** The ids of the run's tasks with a failed instance, sorted, at most `limit`. */
  failedTaskIds(envId: string, dagId: string, runId: string, limit: number): string[] {
    return this.failedTasksStmt.all(envId, dagId, runId, limit) as string[];
  }

  /** Every task_tries row of a run, by task, map index and try. Rows numbered at or above the instance's try are not earlier tries. */
  triesOfRun(envId: string, dagId: string, runId: string): TaskTryRecord[] {
    return this.triesOfRunStmt.all(envId, dagId, runId) as TaskTryRecord[];
  }

  /** The task_tries rows of one task instance, by try number. */
  triesOf(key: InstanceKey): TaskTryRecord[] {
    return this.triesStmt.all(...instanceArgs(key)) as TaskTryRecord[];
  }

  /** The try numbers of one task instance whose log is cached. */
  loggedTries(key: InstanceKey): number[] {
    return this.logTriesStmt.all(...instanceArgs(key)) as number[];
  }

  /** The cached log of one try. */
  log(key: InstanceKey, tryNumber: number): TaskLogRecord | undefined {
    return this.logStmt.get(...instanceArgs(key), tryNumber) as TaskLogRecord | undefined;
  }

  /** The newest cached log of a task of a run over its map indexes (the lowest first), or of the given try. */
  lastLogOfTask(envId: string, dagId: string, runId: string, taskId: string, tryNumber: number | null): TaskLogRecord | undefined {
    return this.lastLogStmt.get(envId, dagId, runId, taskId, tryNumber, tryNumber) as TaskLogRecord | undefined;
  }
}
