import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { EnvironmentStore } from '../../src-main/services/cache/environment-store';
import { HistoryWriter } from '../../src-main/services/cache/history-writer';
import { openCache } from '../../src-main/services/cache/open-cache';
import type { TaskInstanceRow } from '../../src-main/services/cache/rows';
import { figure, type BenchEntry } from '../figure';

const ROWS = Number(process.env.BENCH_INGEST_ROWS ?? 1_000_000);
const BATCH = 10_000;
const BASE = Date.parse('2026-01-01T00:00:00.000Z');

/** The i-th synthetic task instance: 100 DAGs x 10 tasks, one run a minute. */
function row(i: number): TaskInstanceRow {
  const start = new Date(BASE + Math.floor(i / 10) * 60_000).toISOString();
  return {
    envId: 'bench',
    dagId: `dag_${(i / 10) % 100 | 0}`,
    runId: `scheduled__${start}`,
    taskId: `task_${i % 10}`,
    mapIndex: -1,
    state: i % 97 === 0 ? 'failed' : 'success',
    tryNumber: 1,
    maxTries: 2,
    startDate: start,
    endDate: start,
    durationS: 12.5,
    queuedAt: start,
    hostname: 'worker-3',
    operator: 'PythonOperator',
    pool: 'default_pool',
    queue: 'default',
    executor: 'LocalExecutor',
    note: null,
  };
}

/** Raw better-sqlite3 inserts of the same rows into a bare table (no key, no index), in the same batches. */
function baseline(file: string): number {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.exec(`CREATE TABLE bare (env_id, dag_id, run_id, task_id, map_index, state, try_number, max_tries, start_date, end_date,
    duration_s, queued_at, hostname, operator, pool, queue, executor, note)`);
  const insert = db.prepare('INSERT INTO bare VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)');
  const started = performance.now();
  for (let from = 0; from < ROWS; from += BATCH) {
    db.transaction(() => {
      for (let i = from; i < Math.min(ROWS, from + BATCH); i++) {
        const r = row(i);
        insert.run(
          r.envId,
          r.dagId,
          r.runId,
          r.taskId,
          r.mapIndex,
          r.state,
          r.tryNumber,
          r.maxTries,
          r.startDate,
          r.endDate,
          r.durationS,
          r.queuedAt,
          r.hostname,
          r.operator,
          r.pool,
          r.queue,
          r.executor,
          r.note,
        );
      }
    })();
  }
  const seconds = (performance.now() - started) / 1000;
  db.close();
  return ROWS / seconds;
}

/**
 * The real path: HistoryWriter upserts into the cache schema with its keys and indexes, in the same batches. `bulk`
 * wraps the batches in `bulkLoad` (the Demo build's path: indexes rebuilt once at the end, inside the timing);
 * without it every index is updated row by row, as a sync page into a live cache does.
 */
function cacheIngest(file: string, bulk: boolean): number {
  const { db } = openCache(file);
  new EnvironmentStore(db).upsert({
    id: 'bench',
    name: 'Bench',
    kind: 'airflow3',
    color: '#000000',
    readOnly: true,
    baseUrl: null,
    airflowVersion: null,
    configJson: '{}',
    synthetic: false,
    asOf: null,
  });
  const writer = new HistoryWriter(db);
  const load = (): void => {
    for (let from = 0; from < ROWS; from += BATCH) {
      writer.transaction(() => {
        for (let i = from; i < Math.min(ROWS, from + BATCH); i++) writer.taskInstance.run(row(i));
      });
    }
  };
  const started = performance.now();
  if (bulk) writer.bulkLoad(load);
  else load();
  const seconds = (performance.now() - started) / 1000;
  db.close();
  return ROWS / seconds;
}

const entry: BenchEntry = {
  name: 'cache-ingest',
  async run() {
    const dir = mkdtempSync(join(tmpdir(), 'orc-bench-ingest-'));
    try {
      const raw = baseline(join(dir, 'bare.sqlite'));
      const real = cacheIngest(join(dir, 'cache.sqlite'), true);
      const paged = cacheIngest(join(dir, 'paged.sqlite'), false);
      return [
        figure(`cache ingest ${ROWS} task instances (real schema, upserts, bulk load)`, Math.round(real), 'rows/s', {
          baseline: Math.round(raw),
          goal: 200_000,
        }),
        figure('cache ingest vs raw insert into a bare table', Math.round((real / raw) * 1000) / 1000, 'ratio', { goal: 0.5 }),
        figure(`cache ingest ${ROWS} task instances (upserts page by page, every index)`, Math.round(paged), 'rows/s', {
          baseline: Math.round(raw),
        }),
      ];
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
};

export default entry;
