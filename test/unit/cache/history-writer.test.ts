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
    id: 'prod', name: 'Prod', kind: 'airflow3', color: '#112233', readOnly: true, baseUrl: 'http://127.0.0.1:8080',
    airflowVersion: '3.3.2', configJson: '{}', synthetic: false, asOf: null,
  });
  return { db: cache.db, writer: new HistoryWriter(cache.db) };
}

const run: DagRunRow = {
  envId: 'prod', dagId: 'etl', runId: 'scheduled__2026-11-01', state: 'failed', runType: 'scheduled',
  logicalDate: '2026-11-01T00:00:00Z', runAfter: '2026-11-01T00:00:00Z', queuedAt: '2026-11-01T00:00:01Z',
  startDate: '2026-11-01T00:00:02Z', endDate: '2026-11-01T00:10:02Z', durationS: 600, confJson: '{}', note: null,
  dagVersion: '3', triggeredBy: 'timetable',
};
const ti: TaskInstanceRow = {
  envId: 'prod', dagId: 'etl', runId: run.runId, taskId: 'load', mapIndex: -1, state: 'failed', tryNumber: 2, maxTries: 2,
  startDate: '2026-11-01T00:05:00Z', endDate: '2026-11-01T00:10:00Z', durationS: 300, queuedAt: '2026-11-01T00:04:59Z',
  hostname: 'worker-1', operator: 'PythonOperator', pool: 'default_pool', queue: 'default', executor: null, note: null,
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
});
