import type Database from 'better-sqlite3';
import { parseJsonList } from '../cache/parse-json-list';
import { compareBinary } from './binary-order';
import { upstreamFailedKey, type TaskSeries } from './history-types';
import { SeriesColumns, type SeriesRow, type TaskFacts } from './task-series-columns';
import { unpackTimes } from './packed-times';
import { STATE_UPSTREAM_FAILED, taskInstanceSql, unpack, type Packed, type TaskInstanceRaw } from './task-instance-row';

/**
 * Loads every task's series in one pass over task_instances in the table's order (no sort in SQLite, no join,
 * no object per row): rows are appended to per-task typed columns, each put in start order at the end.
 *
 * One definition of a task instance's tries: its final try is the task instance row (state, try_number); its
 * earlier tries are the task_tries rows numbered below it. Airflow's `/tries` answers the final try too (Airflow 3,
 * and 2.10+), so a task_tries row with the instance's own number is that same try and is not counted again. Few
 * instances have earlier tries, so the tries are read on their own and looked up only for an instance numbered
 * above the lowest try.
 */
const TRIES_SQL = 'SELECT dag_id, run_id, task_id, map_index, try_number, state FROM task_tries WHERE env_id = ?';
const POOL_SQL = 'SELECT pool FROM task_instances WHERE env_id = ? AND dag_id = ? AND run_id = ? AND task_id = ? AND map_index = ?';
const TASKS_SQL = 'SELECT dag_id, task_id, retries, downstream_json FROM tasks WHERE env_id = ?';

const NO_FACTS: TaskFacts = { retries: null, downstream: [] };

/** Earlier tries of each task instance, by tryKey. */
interface Tries {
  readonly byInstance: Map<string, [tryNumber: number, state: string][]>;
  /** The lowest try number of any try: an instance numbered at or below it has no earlier try. */
  readonly lowest: number;
}

const tryKey = (dagId: string, runId: string, taskId: string, mapIndex: number): string => JSON.stringify([dagId, runId, taskId, mapIndex]);

function loadTries(db: Database.Database, envId: string): Tries {
  const byInstance = new Map<string, [number, string][]>();
  let lowest = Infinity;
  for (const [dagId, runId, taskId, mapIndex, tryNumber, state] of db.prepare(TRIES_SQL).raw().iterate(envId) as IterableIterator<
    [string, string, string, number, number, string]
  >) {
    const key = tryKey(dagId, runId, taskId, mapIndex);
    const list = byInstance.get(key);
    if (list) list.push([tryNumber, state]);
    else byInstance.set(key, [[tryNumber, state]]);
    lowest = Math.min(lowest, tryNumber);
  }
  return { byInstance, lowest };
}

/** Counts the earlier tries of one instance into `row`. */
function countEarlierTries(tries: Tries, dagId: string, taskId: string, row: SeriesRow): void {
  row.earlierFailed = 0;
  row.earlierExhausted = 0;
  if (!(row.tryNumber > tries.lowest)) return;
  for (const [n, state] of tries.byInstance.get(tryKey(dagId, row.runId, taskId, row.mapIndex)) ?? []) {
    if (n >= row.tryNumber) continue;
    if (state === 'failed' || state === 'up_for_retry') row.earlierFailed++;
    if (state === 'failed') row.earlierExhausted = 1;
  }
}

function loadTaskFacts(db: Database.Database, envId: string): Map<string, TaskFacts> {
  const facts = new Map<string, TaskFacts>();
  for (const [dagId, taskId, retries, downstream] of db.prepare(TASKS_SQL).raw().all(envId) as [string, string, number | null, string][]) {
    facts.set(`${dagId}\u0000${taskId}`, { retries, downstream: parseJsonList(downstream) });
  }
  return facts;
}

/**
 * Whether task_instances has rowids (as a surrogate-key migration would give it) or is WITHOUT ROWID (keyed by its
 * Airflow identity, as today): the by-task-time index breaks ties of start time by that key, and a series keeps
 * that order.
 */
function hasRowid(db: Database.Database): boolean {
  const ddl = db.prepare("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'task_instances'").pluck().get() as
    | string
    | undefined;
  return !/without\s+rowid/i.test(ddl ?? '');
}

export interface LoadedSeries {
  /** Ordered by DAG id, then task id. */
  readonly series: TaskSeries[];
  readonly count: number;
  /** Task instances left upstream_failed, as upstreamFailedKey(dagId, runId, taskId). */
  readonly upstreamFailed: Set<string>;
}

/** Successful and failed task instances of an environment, one series per task, and those left upstream_failed. */
export function loadTaskSeries(db: Database.Database, envId: string): LoadedSeries {
  const facts = loadTaskFacts(db, envId);
  const tries = loadTries(db, envId);
  const byTask = new Map<string, Map<string, SeriesColumns>>();
  const hostnames = new Map<string, string>();
  const upstreamFailed = new Set<string>();
  const packed: Packed = { state: 0, tryNumber: 0, mapIndex: 0 };
  const times = [NaN, NaN, NaN];
  const texts: (string | null)[] = [null, null, null];
  const row: SeriesRow = {
    runId: '',
    mapIndex: 0,
    startMs: NaN,
    start: null,
    endMs: NaN,
    queuedMs: NaN,
    durationS: NaN,
    failed: 0,
    tryNumber: 0,
    earlierFailed: 0,
    earlierExhausted: 0,
    hostname: null,
    rowid: NaN,
  };
  let cols: SeriesColumns | undefined;
  let count = 0;
  for (const [dagId, taskId, runId, pack, when, duration, hostname, rowid] of db
    .prepare(taskInstanceSql(hasRowid(db)))
    .raw()
    .iterate(envId) as IterableIterator<TaskInstanceRaw>) {
    unpack(pack, packed);
    if (packed.state === STATE_UPSTREAM_FAILED) {
      upstreamFailed.add(upstreamFailedKey(dagId, runId, taskId));
      continue;
    }
    if (cols === undefined || cols.taskId !== taskId || cols.dagId !== dagId) {
      let tasks = byTask.get(dagId);
      if (tasks === undefined) byTask.set(dagId, (tasks = new Map()));
      cols = tasks.get(taskId);
      if (cols === undefined) tasks.set(taskId, (cols = new SeriesColumns(dagId, taskId)));
    }
    // Rows of one run mostly arrive together: keep one string per run id where they do, and one per host name.
    if (runId !== row.runId) row.runId = runId;
    let host = hostname;
    if (host !== null) {
      const known = hostnames.get(host);
      if (known === undefined) hostnames.set(host, host);
      else host = known;
    }
    unpackTimes(when, 3, times, texts);
    row.mapIndex = packed.mapIndex;
    row.tryNumber = packed.tryNumber;
    row.failed = packed.state;
    row.startMs = times[0] as number;
    row.start = texts[0] ?? null;
    row.endMs = times[1] as number;
    row.queuedMs = times[2] as number;
    row.durationS = duration ?? NaN;
    row.hostname = host;
    row.rowid = rowid ?? NaN;
    countEarlierTries(tries, dagId, taskId, row);
    cols.push(row);
    count++;
  }
  const pool = db.prepare(POOL_SQL).pluck();
  const series: TaskSeries[] = [];
  for (const dagId of [...byTask.keys()].sort(compareBinary)) {
    const tasks = byTask.get(dagId) as Map<string, SeriesColumns>;
    for (const taskId of [...tasks.keys()].sort(compareBinary)) {
      const poolOf = (runId: string, mapIndex: number): string | null =>
        (pool.get(envId, dagId, runId, taskId, mapIndex) ?? null) as string | null;
      series.push((tasks.get(taskId) as SeriesColumns).build(facts.get(`${dagId}\u0000${taskId}`) ?? NO_FACTS, poolOf));
    }
  }
  return { series, count, upstreamFailed };
}
