import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { openCache } from '../../../src-main/services/cache/open-cache';
import { HistoryWriter } from '../../../src-main/services/cache/history-writer';
import { makeTempDir } from '../temp-dir';

export const ENV = 'prod';
export const DAG = 'orders_daily';
const DAY = 86_400_000;
export const T0 = Date.parse('2026-10-01T06:00:00.000Z');
const iso = (ms: number): string => new Date(ms).toISOString();

export interface HandTask {
  readonly taskId: string;
  readonly retries: number;
  readonly downstream: readonly string[];
}

/** One task instance: its final state and the states of all its tries, first to last (the last is the final try). */
export interface HandInstance {
  readonly state: 'success' | 'failed' | 'upstream_failed';
  readonly tries: readonly ('success' | 'failed' | 'up_for_retry')[];
  /** Error line logged by each failed try (the same line makes one error pattern). */
  readonly error?: string;
  /** Seconds the final try ran (default 60). */
  readonly durationS?: number;
}

export interface HandHistory {
  readonly db: Database.Database;
  readonly asOf: string;
  dispose(): void;
}

/**
 * A small hand-written Airflow history in a real cache file: one daily DAG,
 * its tasks, and per day one run with the given instance of each task. Tries
 * are stored as Airflow 3's `/tries` answers them: every try, the final one
 * included.
 */
export function handHistory(tasks: readonly HandTask[], days: readonly Readonly<Record<string, HandInstance>>[]): HandHistory {
  const { dir, cleanup } = makeTempDir('orc-hand-');
  const { db } = openCache(join(dir, 'cache.sqlite'));
  db.prepare(
    "INSERT INTO environments (id, name, kind, color, created_at) VALUES (?, 'Prod', 'airflow3', '#000000', '2026-01-01T00:00:00Z')",
  ).run(ENV);
  const w = new HistoryWriter(db);
  w.dag.run({
    envId: ENV,
    dagId: DAG,
    description: null,
    schedule: '0 6 * * *',
    isPaused: false,
    owners: [],
    tags: [],
    fileloc: null,
    paramsJson: null,
    lastParsed: null,
    maxActiveRuns: null,
    timetableDescription: null,
    timezone: null,
    nextDagrunLogical: null,
    nextDagrunRunAfter: null,
  });
  for (const t of tasks) {
    w.task.run({
      envId: ENV,
      dagId: DAG,
      taskId: t.taskId,
      operator: 'PythonOperator',
      pool: 'default_pool',
      queue: null,
      retries: t.retries,
      triggerRule: null,
      isMapped: false,
      taskGroup: null,
      downstream: t.downstream,
    });
  }
  days.forEach((instances, d) => {
    const at = T0 + d * DAY;
    const runId = `scheduled__${iso(at - DAY)}`;
    const failed = Object.values(instances).some((i) => i.state !== 'success');
    w.run.run({
      envId: ENV,
      dagId: DAG,
      runId,
      state: failed ? 'failed' : 'success',
      runType: 'scheduled',
      logicalDate: iso(at - DAY),
      runAfter: iso(at),
      queuedAt: iso(at + 1000),
      startDate: iso(at + 2000),
      endDate: iso(at + 3_600_000),
      durationS: 3600,
      confJson: null,
      note: null,
      dagVersion: '1',
      triggeredBy: null,
    });
    tasks.forEach((t, k) => {
      const ti = instances[t.taskId] ?? { state: 'success', tries: ['success'] };
      let start = at + 10_000 + k * 600_000;
      const duration = ti.durationS ?? 60;
      const tries = ti.tries.map((state, j) => {
        const row = {
          envId: ENV,
          dagId: DAG,
          runId,
          taskId: t.taskId,
          mapIndex: -1,
          tryNumber: j + 1,
          state,
          startDate: iso(start),
          endDate: iso(start + duration * 1000),
          durationS: duration,
          hostname: 'worker-1',
        };
        start += duration * 1000 + 60_000;
        return row;
      });
      const last = tries[tries.length - 1];
      w.taskInstance.run({
        envId: ENV,
        dagId: DAG,
        runId,
        taskId: t.taskId,
        mapIndex: -1,
        state: ti.state,
        tryNumber: tries.length,
        maxTries: t.retries,
        startDate: last?.startDate ?? null,
        endDate: last?.endDate ?? null,
        durationS: last ? duration : null,
        queuedAt: last?.startDate ?? null,
        hostname: last ? 'worker-1' : null,
        operator: 'PythonOperator',
        pool: 'default_pool',
        queue: null,
        executor: null,
        note: null,
      });
      for (const row of tries) {
        if (tries.length > 1 || row.state !== 'success') w.taskTry.run(row);
        if (row.state !== 'success') {
          w.taskLog.run({
            envId: ENV,
            dagId: DAG,
            runId,
            taskId: t.taskId,
            mapIndex: -1,
            tryNumber: row.tryNumber,
            content: failureLog(ti.error ?? 'psycopg2.OperationalError: connection to server at "db-1" failed: Connection refused'),
            truncated: false,
          });
        }
      }
    });
  });
  return { db, asOf: iso(T0 + days.length * DAY), dispose: () => (db.close(), cleanup()) };
}

/** A failed try's log as Airflow writes it: a traceback ending in the error line. */
function failureLog(error: string): string {
  return [
    '[2026-10-01, 06:00:10 UTC] {taskinstance.py:441} INFO - Running task',
    'Traceback (most recent call last):',
    '  File "/opt/airflow/dags/orders.py", line 12, in load',
    '    conn = connect()',
    error,
  ].join('\n');
}

/** `n` ordinary days (every task succeeds on its first try). */
export function quietDays(n: number): Record<string, HandInstance>[] {
  return Array.from({ length: n }, () => ({}));
}
