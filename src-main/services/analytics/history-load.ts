import type Database from 'better-sqlite3';
import { isoMs as ms } from './iso-ms';
import { packedTimesSql, unpackTimes } from './packed-times';
import { withLogicalTimes } from './schedule/logical-times';
import { loadPauseSpans } from './schedule/pause-spans';
import { loadTaskSeries } from './task-series-load';
import type { DagInfo, EnvHistory, FailureLog, RunInfo } from './history-types';

const DAG_SQL = `SELECT dag_id, schedule, is_paused, timezone, timetable_description, next_dagrun_logical, next_dagrun_run_after
FROM dags WHERE env_id = ? AND deleted_at IS NULL`;
type DagRaw = [string, string | null, number, string | null, string | null, string | null, string | null];

/** A run's five times come as one string (packed-times.ts): one column less each costs less than the unpacking. */
const RUN_SQL = `
SELECT dag_id, run_id, run_type, state, ${packedTimesSql(['logical_date', 'run_after', 'queued_at', 'start_date', 'end_date'])}, dag_version
FROM dag_runs WHERE env_id = ? AND deleted_upstream = 0
ORDER BY dag_id, COALESCE(logical_date, run_after, queued_at), queued_at`;

const LOG_SQL = `
SELECT l.dag_id, l.run_id, l.task_id, l.map_index, l.try_number, l.content,
       COALESCE(tt.end_date, ti.end_date, l.fetched_at) AS ended
FROM task_logs l
LEFT JOIN task_tries tt ON tt.env_id = l.env_id AND tt.dag_id = l.dag_id AND tt.run_id = l.run_id AND tt.task_id = l.task_id
  AND tt.map_index = l.map_index AND tt.try_number = l.try_number
LEFT JOIN task_instances ti ON ti.env_id = l.env_id AND ti.dag_id = l.dag_id AND ti.run_id = l.run_id AND ti.task_id = l.task_id
  AND ti.map_index = l.map_index AND ti.try_number = l.try_number
WHERE l.env_id = ?`;

type RunRaw = [dagId: string, runId: string, runType: string, state: string, times: string, version: string | null];
type LogRaw = [string, string, string, number, number, string, string];

function loadRuns(db: Database.Database, envId: string): Map<string, RunInfo[]> {
  const byDag = new Map<string, RunInfo[]>();
  const t = [NaN, NaN, NaN, NaN, NaN];
  const texts: (string | null)[] = [];
  for (const [dagId, runId, runType, state, times, version] of db.prepare(RUN_SQL).raw().iterate(envId) as IterableIterator<RunRaw>) {
    unpackTimes(times, 5, t, texts);
    const run: RunInfo = {
      dagId,
      runId,
      runType,
      state,
      logicalMs: t[0] as number,
      runAfterMs: t[1] as number,
      queuedMs: t[2] as number,
      startMs: t[3] as number,
      endMs: t[4] as number,
      version,
    };
    const list = byDag.get(run.dagId);
    if (list) list.push(run);
    else byDag.set(run.dagId, [run]);
  }
  return byDag;
}

function loadLogs(db: Database.Database, envId: string): FailureLog[] {
  const logs = (db.prepare(LOG_SQL).raw().all(envId) as LogRaw[]).map((r) => ({
    dagId: r[0],
    runId: r[1],
    taskId: r[2],
    mapIndex: r[3],
    tryNumber: r[4],
    content: r[5],
    endedMs: ms(r[6]),
  }));
  return logs.sort((a, b) => a.endedMs - b.endedMs);
}

/** Reads what the detectors need of one environment, with fixed SQL and bound parameters. */
export function loadEnvHistory(db: Database.Database, envId: string, asOf: string): EnvHistory {
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
  const producedAssets = new Map<string, string[]>();
  for (const [dagId, uri] of db.prepare("SELECT dag_id, uri FROM asset_links WHERE env_id = ? AND role = 'producer'").raw().all(envId) as [
    string,
    string,
  ][]) {
    producedAssets.set(dagId, [...(producedAssets.get(dagId) ?? []), uri]);
  }
  const poolSlots = new Map(db.prepare('SELECT name, slots FROM pools WHERE env_id = ?').raw().all(envId) as [string, number][]);
  const { series, count, upstreamFailed } = loadTaskSeries(db, envId);
  const runsByDag = loadRuns(db, envId);
  return {
    envId,
    asOfMs: Date.parse(asOf),
    dags,
    series: withLogicalTimes(series, runsByDag),
    runsByDag,
    logs: loadLogs(db, envId),
    producedAssets,
    poolSlots,
    upstreamFailed,
    taskInstanceCount: count,
  };
}
