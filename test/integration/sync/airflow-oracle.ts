/**
 * What the cache must hold, read straight from Airflow's API with no filter
 * (every DAG, run, task instance, try, failed try's log and asset event), the
 * retention rule applied here on its own terms, and written through the same
 * row mappers into a scratch cache, so the two compare table by table.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { AirflowSource, Page, PageRequest } from '../../../src-main/services/airflow/airflow-source';
import { HistoryWriter } from '../../../src-main/services/cache/history-writer';
import { openCache } from '../../../src-main/services/cache/open-cache';
import type { DagRunRow } from '../../../src-main/services/cache/rows';
import { defaultSyncOptions } from '../../../src-main/services/sync/sync-environment';
import { ENV_ID, registerPeerEnvironment, type SyncRequest } from './sync-into-cache';

const FAILED_TRY = new Set(['failed', 'up_for_retry']);

async function everything<T>(list: (page: PageRequest) => Promise<Page<T>>): Promise<T[]> {
  const rows: T[] = [];
  for (let offset = 0; ; offset += 100) {
    const page = await list({ offset, limit: 100 });
    rows.push(...page.items);
    if (page.items.length === 0 || rows.length >= page.total) return rows;
  }
}

/** The rule, restated: any of the run's dates inside the window, or still queued or running. */
function inRetention(run: DagRunRow, windowStart: string): boolean {
  if (run.state === 'queued' || run.state === 'running') return true;
  return [run.logicalDate, run.runAfter, run.startDate, run.endDate].some((at) => at !== null && Date.parse(at) >= Date.parse(windowStart));
}

const key = (...parts: unknown[]): string => parts.join('\u0000');

/** Per table: rows keyed by identity, as JSON of the compared columns. */
export type TableRows = Record<string, Map<string, string>>;

/** Per table: identity, columns left out (local bookkeeping), or the only columns compared, and which cached rows are live. */
const COMPARED: Record<string, { key: string[]; skip: string[]; only?: string[]; where: string }> = {
  // DAG rows also carry what sync reads from each DAG's details; the listing's own fields are compared.
  dags: {
    key: ['dag_id'],
    skip: [],
    only: ['dag_id', 'description', 'is_paused', 'tags_json', 'owners_json', 'fileloc'],
    where: 'deleted_at IS NULL',
  },
  dag_runs: { key: ['dag_id', 'run_id'], skip: ['synced_at', 'deleted_upstream'], where: 'deleted_upstream = 0' },
  task_instances: { key: ['dag_id', 'run_id', 'task_id', 'map_index'], skip: ['deleted_upstream'], where: 'deleted_upstream = 0' },
  task_tries: { key: ['dag_id', 'run_id', 'task_id', 'map_index', 'try_number'], skip: [], where: LIVE_RUN('task_tries') },
  task_logs: { key: ['dag_id', 'run_id', 'task_id', 'map_index', 'try_number'], skip: ['fetched_at'], where: LIVE_RUN('task_logs') },
  asset_events: { key: ['event_id'], skip: [], where: '1 = 1' },
};

function LIVE_RUN(table: string): string {
  return `EXISTS (SELECT 1 FROM dag_runs r WHERE r.env_id = ${table}.env_id AND r.dag_id = ${table}.dag_id AND r.run_id = ${table}.run_id AND r.deleted_upstream = 0)`;
}

export function readTables(db: Database.Database): TableRows {
  const out: TableRows = {};
  for (const [table, spec] of Object.entries(COMPARED)) {
    const rows = db.prepare(`SELECT * FROM ${table} WHERE env_id = ? AND ${spec.where}`).all(ENV_ID) as Record<string, unknown>[];
    out[table] = new Map(
      rows.map((row) => [
        key(...spec.key.map((k) => row[k])),
        JSON.stringify(Object.fromEntries(Object.entries(row).filter(([k]) => !spec.skip.includes(k) && (spec.only?.includes(k) ?? true)))),
      ]),
    );
  }
  return out;
}

/** Differences between two table sets, one line each ('' when equal). */
export function diffTables(expected: TableRows, actual: TableRows, limit = 12): string {
  const lines: string[] = [];
  for (const table of Object.keys(COMPARED)) {
    const want = expected[table] ?? new Map<string, string>();
    const got = actual[table] ?? new Map<string, string>();
    for (const [k, row] of want) {
      const have = got.get(k);
      if (have === undefined) lines.push(`${table}: missing ${row}`);
      else if (have !== row) lines.push(`${table}: differs\n    airflow ${row}\n    cache   ${have}`);
    }
    for (const [k, row] of got) if (!want.has(k)) lines.push(`${table}: extra ${row}`);
  }
  return lines.length > limit ? [...lines.slice(0, limit), `... ${lines.length - limit} more`].join('\n') : lines.join('\n');
}

/** Runs by state per DAG, for a readable first line of a failure. */
export function runStateCounts(tables: TableRows): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const row of tables.dag_runs?.values() ?? []) {
    const { dag_id, state } = JSON.parse(row) as { dag_id: string; state: string };
    counts[`${dag_id}:${state}`] = (counts[`${dag_id}:${state}`] ?? 0) + 1;
  }
  return counts;
}

/**
 * Reads Airflow whole. `cachedTries` names task instances whose tries the cache holds
 * (tries read once stay, and must then still equal Airflow's); every cached log is
 * checked against Airflow's log of the same try.
 */
export async function readAirflow(
  source: AirflowSource,
  req: Pick<SyncRequest, 'af' | 'baseUrl'>,
  windowStart: string,
  cached: {
    tries: ReadonlySet<string>;
    logs: readonly { dagId: string; runId: string; taskId: string; mapIndex: number; tryNumber: number }[];
  },
): Promise<{ tables: TableRows; runKeys: Set<string> }> {
  const dir = mkdtempSync(join(tmpdir(), 'orc-oracle-'));
  const cache = openCache(join(dir, 'oracle.sqlite'));
  try {
    registerPeerEnvironment(cache.db, req);
    cache.db.pragma('foreign_keys = OFF'); // asset events without their assets: only the compared tables are filled
    const writer = new HistoryWriter(cache.db);
    for (const dag of await everything((p) => source.listDags(p))) writer.dag.run(dag);
    const runs = (await everything((p) => source.listRuns(p))).filter((r) => inRetention(r, windowStart));
    const runKeys = new Set(runs.map((r) => key(r.dagId, r.runId)));
    for (const run of runs) writer.run.run(run);
    const tis = (await everything((p) => source.listTaskInstances(p))).filter((t) => runKeys.has(key(t.dagId, t.runId)));
    const logs = new Map(cached.logs.map((l) => [key(l.dagId, l.runId, l.taskId, l.mapIndex, l.tryNumber), l]));
    for (const ti of tis) {
      writer.taskInstance.run(ti);
      const tiKey = key(ti.dagId, ti.runId, ti.taskId, ti.mapIndex);
      if (!FAILED_TRY.has(ti.state) && ti.tryNumber <= 1 && !cached.tries.has(tiKey)) continue;
      const ref = { dagId: ti.dagId, runId: ti.runId, taskId: ti.taskId, mapIndex: ti.mapIndex };
      const tries = await source.listTries(ref);
      for (const t of tries) writer.taskTry.run(t);
      const failed = new Set(tries.filter((t) => FAILED_TRY.has(t.state)).map((t) => t.tryNumber));
      if (ti.state === 'failed' && ti.tryNumber > 0) failed.add(ti.tryNumber);
      for (const tryNumber of failed) logs.set(key(tiKey, tryNumber), { ...ref, tryNumber });
    }
    for (const log of logs.values()) {
      if (!runKeys.has(key(log.dagId, log.runId))) continue;
      const excerpt = await source.getLog(log, log.tryNumber, defaultSyncOptions.logMaxBytes);
      writer.taskLog.run({ envId: ENV_ID, ...log, content: excerpt.content, truncated: excerpt.truncated });
    }
    for (const event of await everything((p) => source.listAssetEvents(p))) {
      if (Date.parse(event.timestamp) >= Date.parse(windowStart)) writer.assetEvent.run(event);
    }
    return { tables: readTables(cache.db), runKeys };
  } finally {
    cache.db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** What the cache file holds: its tables, which task instances have tries, its logs, and its runs marked gone upstream. */
export function readCache(file: string): {
  tables: TableRows;
  tries: Set<string>;
  logs: { dagId: string; runId: string; taskId: string; mapIndex: number; tryNumber: number }[];
  gone: Set<string>;
} {
  if (!existsSync(file)) return { tables: {}, tries: new Set(), logs: [], gone: new Set() };
  const db = new Database(file, { readonly: true });
  try {
    const tries = db
      .prepare('SELECT DISTINCT dag_id, run_id, task_id, map_index FROM task_tries WHERE env_id = ?')
      .raw()
      .all(ENV_ID) as unknown[][];
    const logs = db
      .prepare(
        'SELECT dag_id AS dagId, run_id AS runId, task_id AS taskId, map_index AS mapIndex, try_number AS tryNumber FROM task_logs WHERE env_id = ?',
      )
      .all(ENV_ID) as { dagId: string; runId: string; taskId: string; mapIndex: number; tryNumber: number }[];
    const gone = db
      .prepare('SELECT dag_id, run_id FROM dag_runs WHERE env_id = ? AND deleted_upstream = 1')
      .raw()
      .all(ENV_ID) as unknown[][];
    return { tables: readTables(db), tries: new Set(tries.map((t) => key(...t))), logs, gone: new Set(gone.map((g) => key(...g))) };
  } finally {
    db.close();
  }
}
