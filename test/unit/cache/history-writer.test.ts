import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { EnvironmentStore } from '../../../src-main/services/cache/environment-store';
import { HistoryWriter } from '../../../src-main/services/cache/history-writer';
import { openCache } from '../../../src-main/services/cache/open-cache';
import type { DagRunRow, TaskInstanceRow } from '../../../src-main/services/cache/rows';
import { makeTempDir } from '../temp-dir';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((c) => c()));

function setup() {
  const t = makeTempDir();
  cleanups.push(t.cleanup);
  const cache = openCache(join(t.dir, 'cache.sqlite'));
  cleanups.unshift(() => cache.db.close());
  new EnvironmentStore(cache.db).upsert({
    id: 'prod',
    name: 'Prod',
    kind: 'airflow3',
    color: '#112233',
    readOnly: true,
    baseUrl: 'http://127.0.0.1:8080',
    airflowVersion: '3.3.2',
    configJson: '{}',
    synthetic: false,
    asOf: null,
  });
  return { db: cache.db, writer: new HistoryWriter(cache.db) };
}

const run: DagRunRow = {
  envId: 'prod',
  dagId: 'etl',
  runId: 'scheduled__2026-11-01',
  state: 'failed',
  runType: 'scheduled',
  logicalDate: '2026-11-01T00:00:00Z',
  runAfter: '2026-11-01T00:00:00Z',
  queuedAt: '2026-11-01T00:00:01Z',
  startDate: '2026-11-01T00:00:02Z',
  endDate: '2026-11-01T00:10:02Z',
  durationS: 600,
  confJson: '{}',
  note: null,
  dagVersion: '3',
  triggeredBy: 'timetable',
};
const ti: TaskInstanceRow = {
  envId: 'prod',
  dagId: 'etl',
  runId: run.runId,
  taskId: 'load',
  mapIndex: -1,
  state: 'failed',
  tryNumber: 2,
  maxTries: 2,
  startDate: '2026-11-01T00:05:00Z',
  endDate: '2026-11-01T00:10:00Z',
  durationS: 300,
  queuedAt: '2026-11-01T00:04:59Z',
  hostname: 'worker-1',
  operator: 'PythonOperator',
  pool: 'default_pool',
  queue: 'default',
  executor: null,
  note: null,
};

describe('history writer', () => {
  it('re-writing the same rows changes nothing', () => {
    const { writer } = setup();
    expect(writer.run.run(run)).toBe(1);
    expect(writer.taskInstance.run(ti)).toBe(1);
    expect(writer.run.run(run)).toBe(0);
    expect(writer.taskInstance.run({ ...ti })).toBe(0);
  });

  it('an update upstream replaces the row instead of duplicating it', () => {
    const { db, writer } = setup();
    writer.taskInstance.run(ti);
    expect(writer.taskInstance.run({ ...ti, state: 'success', tryNumber: 3 })).toBe(1);
    const rows = db.prepare('SELECT state, try_number FROM task_instances').all();
    expect(rows).toEqual([{ state: 'success', try_number: 3 }]);
  });

  it('a failing batch leaves nothing half-written', () => {
    const { db, writer } = setup();
    expect(() =>
      writer.transaction(() => {
        writer.run.run(run);
        writer.taskInstance.run({ ...ti, state: null as unknown as string });
      }),
    ).toThrow();
    expect(db.prepare('SELECT COUNT(*) FROM dag_runs').pluck().get()).toBe(0);
  });

  it('stores hostile text from Airflow verbatim, as data', () => {
    const { db, writer } = setup();
    const hostile = `x'); DROP TABLE dag_runs; --<script>alert(1)</script>`;
    writer.run.run({ ...run, dagId: hostile, note: hostile });
    expect(db.prepare('SELECT dag_id FROM dag_runs').pluck().get()).toBe(hostile);
  });

  it('a bulk load counts and dedupes like single upserts and leaves the indexes as they were', () => {
    const { db, writer } = setup();
    const schema = (): unknown[] =>
      db.prepare("SELECT name, sql FROM sqlite_master WHERE tbl_name IN ('task_instances', 'dag_runs') ORDER BY name").all();
    const before = schema();
    const tasks = ['extract', 'load', 'report'].map((taskId) => ({ ...ti, taskId }));
    const write = (): number => writer.run.run(run) + tasks.reduce((n, row) => n + writer.taskInstance.run(row), 0);
    expect(writer.bulkLoad(() => writer.transaction(write))).toBe(4);
    expect(schema()).toEqual(before);
    expect(writer.bulkLoad(write)).toBe(0);
    expect(writer.bulkLoad(() => writer.taskInstance.run({ ...ti, taskId: 'load', state: 'success' }))).toBe(1);
    expect(db.prepare('SELECT COUNT(*) FROM task_instances').pluck().get()).toBe(3);
    const plan = db
      .prepare(
        "EXPLAIN QUERY PLAN SELECT run_id FROM task_instances WHERE env_id = 'prod' AND dag_id = 'etl' AND task_id = 'load' AND start_date > ''",
      )
      .all() as { detail: string }[];
    expect(plan.map((p) => p.detail).join()).toContain('task_instances_by_task_time');
  });

  it('a failing bulk load writes nothing and keeps every index', () => {
    const { db, writer } = setup();
    const indexes = (): unknown[] => db.prepare("SELECT name FROM sqlite_master WHERE type = 'index' ORDER BY name").pluck().all();
    const before = indexes();
    expect(() =>
      writer.bulkLoad(() => {
        writer.run.run(run);
        writer.taskInstance.run(ti);
        throw new Error('the sync was cancelled');
      }),
    ).toThrow(/cancelled/);
    expect(indexes()).toEqual(before);
    expect(db.prepare('SELECT COUNT(*) FROM task_instances').pluck().get()).toBe(0);
  });
});
