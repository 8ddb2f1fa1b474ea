/**
 * The history loader as it was before loading was made columnar (issue 13, "Scoring at real size"): one ordered
 * query joined to the aggregated tries, `.all()`, `Date.parse` per cell. Kept only as the reference the new
 * loader must match field for field (history-load-equivalence.test.ts).
 */
import type Database from 'better-sqlite3';
import { parseJsonList } from '../../../src-main/services/cache/parse-json-list';
import { withLogicalTimes } from '../../../src-main/services/analytics/schedule/logical-times';
import { loadPauseSpans } from '../../../src-main/services/analytics/schedule/pause-spans';
import { loadEnvHistory } from '../../../src-main/services/analytics/history-load';
import {
  upstreamFailedKey,
  type DagInfo,
  type EnvHistory,
  type RunInfo,
  type TaskSeries,
} from '../../../src-main/services/analytics/history-types';

/**
 * One definition of a task instance's tries: its final try is the task
 * instance row (state, try_number); its earlier tries are the task_tries rows
 * numbered below it. Airflow's `/tries` answers the final try too (Airflow 3,
 * and 2.10+), so a task_tries row with the instance's own number is that same
 * try and is not counted again.
 */
const TI_SQL = `
SELECT ti.dag_id, ti.task_id, ti.run_id, ti.state, ti.try_number, ti.start_date, ti.end_date, ti.duration_s, ti.hostname, ti.pool,
       COALESCE(tt.failed, 0) AS failed, COALESCE(tt.exhausted, 0) AS exhausted, ti.map_index, ti.queued_at
FROM task_instances ti
LEFT JOIN (
  SELECT t.dag_id, t.run_id, t.task_id, t.map_index,
         SUM(CASE WHEN t.state IN ('failed', 'up_for_retry') THEN 1 ELSE 0 END) AS failed,
         MAX(CASE WHEN t.state = 'failed' THEN 1 ELSE 0 END) AS exhausted
  FROM task_tries t
  JOIN task_instances i ON i.env_id = t.env_id AND i.dag_id = t.dag_id AND i.run_id = t.run_id AND i.task_id = t.task_id AND i.map_index = t.map_index
  WHERE t.env_id = @envId AND t.try_number < i.try_number
  GROUP BY t.dag_id, t.run_id, t.task_id, t.map_index
) tt ON tt.dag_id = ti.dag_id AND tt.run_id = ti.run_id AND tt.task_id = ti.task_id AND tt.map_index = ti.map_index
WHERE ti.env_id = @envId AND ti.state IN ('success', 'failed') AND ti.start_date IS NOT NULL
ORDER BY ti.dag_id, ti.task_id, ti.start_date`;

const DAG_SQL = `SELECT dag_id, schedule, is_paused, timezone, timetable_description, next_dagrun_logical, next_dagrun_run_after
FROM dags WHERE env_id = ? AND deleted_at IS NULL`;
type DagRaw = [string, string | null, number, string | null, string | null, string | null, string | null];

const RUN_SQL = `
SELECT dag_id, run_id, run_type, state, logical_date, run_after, queued_at, start_date, end_date, dag_version
FROM dag_runs WHERE env_id = ? AND deleted_upstream = 0
ORDER BY dag_id, COALESCE(logical_date, run_after, queued_at), queued_at`;

type TiRaw = [
  string,
  string,
  string,
  string,
  number,
  string,
  string | null,
  number | null,
  string | null,
  string | null,
  number,
  number,
  number,
  string | null,
];
type RunRaw = [string, string, string, string, string | null, string | null, string | null, string | null, string | null, string | null];

const ms = (iso: string | null): number => (iso === null ? NaN : Date.parse(iso));

/** What the tasks table says of one task: its configured retries and direct downstream tasks. */
interface TaskFacts {
  readonly retries: number | null;
  readonly downstream: readonly string[];
}

const NO_FACTS: TaskFacts = { retries: null, downstream: [] };

function loadTaskFacts(db: Database.Database, envId: string): Map<string, TaskFacts> {
  const facts = new Map<string, TaskFacts>();
  for (const [dagId, taskId, retries, downstream] of db
    .prepare('SELECT dag_id, task_id, retries, downstream_json FROM tasks WHERE env_id = ?')
    .raw()
    .all(envId) as [string, string, number | null, string][]) {
    facts.set(`${dagId}\u0000${taskId}`, { retries, downstream: parseJsonList(downstream) });
  }
  return facts;
}

function loadUpstreamFailed(db: Database.Database, envId: string): Set<string> {
  const rows = db
    .prepare("SELECT dag_id, run_id, task_id FROM task_instances WHERE env_id = ? AND state = 'upstream_failed'")
    .raw()
    .all(envId) as [string, string, string][];
  return new Set(rows.map(([dagId, runId, taskId]) => upstreamFailedKey(dagId, runId, taskId)));
}

function buildSeries(rows: readonly TiRaw[], from: number, to: number, facts: TaskFacts): TaskSeries {
  const n = to - from;
  const first = rows[from] as TiRaw;
  const s: TaskSeries = {
    retries: facts.retries,
    downstream: facts.downstream,
    dagId: first[0],
    taskId: first[1],
    pool: first[9],
    runIds: new Array<string>(n),
    mapIndexes: new Int32Array(n),
    startMs: new Float64Array(n),
    endMs: new Float64Array(n),
    queuedMs: new Float64Array(n),
    durationS: new Float64Array(n),
    exhausted: new Uint8Array(n),
    succeeded: new Uint8Array(n),
    failedTries: new Uint8Array(n),
    tries: new Uint8Array(n),
    hostnames: new Array<string | null>(n),
    length: n,
  };
  for (let i = 0; i < n; i++) {
    const r = rows[from + i] as TiRaw;
    const failed = r[3] === 'failed';
    s.runIds[i] = r[2];
    s.mapIndexes[i] = r[12];
    s.startMs[i] = ms(r[5]);
    s.endMs[i] = ms(r[6]);
    s.queuedMs[i] = ms(r[13]);
    s.durationS[i] = r[7] ?? NaN;
    s.succeeded[i] = failed ? 0 : 1;
    s.exhausted[i] = failed || r[11] === 1 ? 1 : 0;
    s.failedTries[i] = Math.min(255, r[10] + (failed ? 1 : 0));
    s.tries[i] = Math.min(255, Math.max(1, r[4]));
    s.hostnames[i] = r[8];
  }
  return s;
}

function loadSeries(db: Database.Database, envId: string): { series: TaskSeries[]; count: number } {
  const facts = loadTaskFacts(db, envId);
  const rows = db.prepare(TI_SQL).raw().all({ envId }) as TiRaw[];
  const series: TaskSeries[] = [];
  let from = 0;
  for (let i = 1; i <= rows.length; i++) {
    const a = rows[i - 1] as TiRaw;
    const b = rows[i];
    if (b === undefined || b[0] !== a[0] || b[1] !== a[1]) {
      series.push(buildSeries(rows, from, i, facts.get(`${a[0]}\u0000${a[1]}`) ?? NO_FACTS));
      from = i;
    }
  }
  return { series, count: rows.length };
}

function loadRuns(db: Database.Database, envId: string): Map<string, RunInfo[]> {
  const byDag = new Map<string, RunInfo[]>();
  for (const r of db.prepare(RUN_SQL).raw().all(envId) as RunRaw[]) {
    const run: RunInfo = {
      dagId: r[0],
      runId: r[1],
      runType: r[2],
      state: r[3],
      logicalMs: ms(r[4]),
      runAfterMs: ms(r[5]),
      queuedMs: ms(r[6]),
      startMs: ms(r[7]),
      endMs: ms(r[8]),
      version: r[9],
    };
    const list = byDag.get(run.dagId);
    if (list) list.push(run);
    else byDag.set(run.dagId, [run]);
  }
  return byDag;
}

/**
 * What the loader read before, where it read differently: DAGs, series, runs and upstream_failed instances. The
 * rest (logs, assets, pools), whose reading only swapped Date.parse for isoMs (tested on its own), comes from
 * today's loader.
 */
export function loadEnvHistoryLegacy(db: Database.Database, envId: string, asOf: string): EnvHistory {
  const pauses = loadPauseSpans(db, envId);
  const dags = (db.prepare(DAG_SQL).raw().all(envId) as DagRaw[]).map(
    ([dagId, schedule, paused, timezone, timetableDescription, nextLogical, nextRunAfter]): DagInfo => ({
      dagId,
      schedule,
      isPaused: paused === 1,
      timezone,
      timetableDescription,
      nextLogicalMs: ms(nextLogical),
      nextRunAfterMs: ms(nextRunAfter),
      pauseSpans: pauses.get(dagId) ?? [],
    }),
  );
  const { series, count } = loadSeries(db, envId);
  const runsByDag = loadRuns(db, envId);
  return {
    ...loadEnvHistory(db, envId, asOf),
    dags,
    series: withLogicalTimes(series, runsByDag),
    runsByDag,
    upstreamFailed: loadUpstreamFailed(db, envId),
    taskInstanceCount: count,
  };
}
