import type Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadEnvHistory } from '../../../src-main/services/analytics/history-load';
import type { EnvHistory, TaskSeries } from '../../../src-main/services/analytics/history-types';
import { isoMs } from '../../../src-main/services/analytics/iso-ms';
import { compareBinary } from '../../../src-main/services/analytics/binary-order';
import { AS_OF, generate, type Generated } from '../synth/synth-fixture';
import { loadEnvHistoryLegacy } from './legacy-history-load';

const ENV = 'demo';

/** Every field of one series, typed arrays as plain arrays (NaN kept as NaN), named by its task for a readable diff. */
const plainSeries = (s: TaskSeries): Record<string, unknown> =>
  Object.fromEntries(Object.entries(s).map(([k, v]) => [k, ArrayBuffer.isView(v) ? Array.from(v as Float64Array) : v]));

/** Every other field: runs, logs, DAGs, sets and maps. */
function plain(h: EnvHistory): unknown {
  return {
    ...h,
    series: h.series.length,
    runsByDag: [...h.runsByDag.entries()],
    producedAssets: [...h.producedAssets.entries()],
    poolSlots: [...h.poolSlots.entries()],
    upstreamFailed: [...h.upstreamFailed].sort(),
  };
}

/**
 * Rows the generator does not make, each at a place the new loader could get wrong: earlier tries below and at the
 * instance's own number, start-time ties broken by run id and map index, times of other shapes, out-of-range
 * fields and characters past U+FFFF, try and map numbers too large to pack, a task absent from the tasks table, and run ids that differ past U+FFFF.
 */
function addEdgeRows(db: Database.Database): void {
  const ti =
    db.prepare(`INSERT INTO task_instances (env_id, dag_id, run_id, task_id, map_index, state, try_number, start_date, end_date, duration_s, queued_at, hostname, pool)
    VALUES (@env, 'edge_dag', @run, @task, @map, @state, @try, @start, @end, @dur, @queued, @host, @pool)`);
  const tt = db.prepare(`INSERT INTO task_tries (env_id, dag_id, run_id, task_id, map_index, try_number, state, end_date)
    VALUES (@env, 'edge_dag', @run, @task, @map, @try, @state, @end)`);
  const base = {
    env: ENV,
    task: 'mapped',
    map: -1,
    state: 'success',
    try: 1,
    end: '2026-11-01T01:00:00.000Z',
    dur: 3.5,
    queued: '2026-11-01T00:59:00.000Z',
    host: 'w1',
    pool: 'p1',
  };
  const start = '2026-11-01T00:00:00.000Z';
  for (const [run, map] of [
    ['r_b', 2],
    ['r_b', 0],
    ['r_a', 1],
    ['r_\u{1F600}', 0],
    ['r_\uFFFD', 0],
  ] as const) {
    ti.run({ ...base, run, map, start, pool: `pool_${run}_${map}` });
  }
  ti.run({
    ...base,
    run: 'r_c',
    map: 0,
    start: '2026-11-02T00:00:00+02:00',
    end: '2026-02-30T24:00:00.000Z',
    queued: 'not a time',
    dur: null,
    host: null,
  });
  ti.run({ ...base, run: 'r_d', map: 0, start: '2026-11-03 00:00:00', end: null, queued: null, state: 'failed', try: 3 });
  for (const [tryNumber, state] of [
    [1, 'up_for_retry'],
    [2, 'failed'],
    [3, 'failed'],
    [4, 'failed'],
  ] as const) {
    tt.run({ env: ENV, run: 'r_d', task: 'mapped', map: 0, try: tryNumber, state, end: null });
  }
  ti.run({ ...base, task: 'retried', run: 'r_e', state: 'success', try: 2, start: '2026-11-04T00:00:00.000Z' });
  tt.run({ env: ENV, run: 'r_e', task: 'retried', map: -1, try: 1, state: 'failed', end: '2026-11-04T00:00:00.000Z' });
  tt.run({ env: ENV, run: 'r_f', task: 'retried', map: -1, try: 1, state: 'failed', end: null });
  ti.run({ ...base, task: 'retried', run: 'r_u', state: 'upstream_failed', start: null, end: null });
  // Times of 24 characters, one past U+FFFF (SQLite counts it as one); try and map numbers past what packs in a number.
  ti.run({
    ...base,
    task: 'odd',
    run: 'r_g',
    map: 0,
    start: '2026-11-05T00:00:00.000\u{1F600}',
    end: '2026-11-05T00:00:00.000Z',
    queued: null,
  });
  ti.run({
    ...base,
    task: 'odd',
    run: 'r_h',
    map: -5,
    try: 2_000_000,
    start: '2026-11-06T00:00:00.000Z',
    end: '2026-11-06T00:00:00.001Z',
    queued: '2026-11-05T23:59:59.999Z',
  });
  const run =
    db.prepare(`INSERT INTO dag_runs (env_id, dag_id, run_id, state, run_type, logical_date, run_after, queued_at, start_date, end_date, synced_at)
    VALUES (?, 'edge_dag', ?, 'success', 'manual', ?, ?, ?, ?, ?, ?)`);
  run.run(ENV, 'r_a', null, '2026-11-01T00:00:00+00:00', '2026-02-30T10:00:00.000Z', '2026-11-01T00:00:00.000Z', null, AS_OF);
  run.run(ENV, 'r_b', '2026-11-01T00:00:00.000\u{1F600}', null, '2026-11-01T00:00:00.000Z', '2026-11-01T24:00:00.000Z', 'x', AS_OF);
  ti.run({ ...base, task: 'odd', run: 'r_i', map: 3_000_000_000, try: -1, state: 'failed', start: '2026-11-06T00:00:00.000Z' });
}

/** The legacy and the new loader on one history: every field equal. */
function expectSameLoad(db: Database.Database, atLeast: number): void {
  const now = loadEnvHistory(db, ENV, AS_OF);
  const before = loadEnvHistoryLegacy(db, ENV, AS_OF);
  expect(now.taskInstanceCount).toBeGreaterThan(atLeast);
  expect(now.series.some((s) => s.failedTries.some((n) => n > 1))).toBe(true);
  expect(plain(now)).toEqual(plain(before));
  now.series.forEach((s, i) => expect(plainSeries(s)).toEqual(plainSeries(before.series[i] as TaskSeries)));
}

describe('loading a history (one columnar pass) gives what the ordered, joined query gave (WITHOUT ROWID: start ties by run id, map index)', () => {
  let g: Generated;
  beforeAll(() => {
    g = generate({ dags: 12, days: 40, seed: 11 });
    addEdgeRows(g.db);
  });
  afterAll(() => g.dispose());

  it('every series field, run, log and set is equal', () => {
    const mapped = loadEnvHistory(g.db, ENV, AS_OF).series.find((s) => s.dagId === 'edge_dag' && s.taskId === 'mapped');
    expect(mapped?.runIds.slice(0, 5)).toEqual(['r_a', 'r_b', 'r_b', 'r_\uFFFD', 'r_\u{1F600}']);
    expectSameLoad(g.db, 10_000);
  });
});

/**
 * task_instances rebuilt as a table with rowids (as a surrogate-key migration would make it), rows in the reverse
 * of their key order: the by-task-time index then breaks ties of start by rowid, not by run id and map index.
 */
function rebuildWithRowids(db: Database.Database): void {
  db.exec(`CREATE TABLE task_instances_rowid AS SELECT * FROM task_instances ORDER BY dag_id DESC, run_id DESC, task_id DESC, map_index DESC;
    DROP TABLE task_instances;
    ALTER TABLE task_instances_rowid RENAME TO task_instances;
    CREATE UNIQUE INDEX task_instances_key ON task_instances (env_id, dag_id, run_id, task_id, map_index);
    CREATE INDEX task_instances_by_task_time ON task_instances (env_id, dag_id, task_id, start_date);`);
}

describe('the same where task_instances has rowids (start ties broken by rowid)', () => {
  let g: Generated;
  beforeAll(() => {
    g = generate({ dags: 6, days: 40, seed: 5 });
    addEdgeRows(g.db);
    rebuildWithRowids(g.db);
  });
  afterAll(() => g.dispose());

  it('every series field, run, log and set is equal', () => {
    expect(g.db.prepare("SELECT sql FROM sqlite_master WHERE name = 'task_instances'").pluck().get()).not.toMatch(/WITHOUT ROWID/);
    const mapped = loadEnvHistory(g.db, ENV, AS_OF).series.find((s) => s.dagId === 'edge_dag' && s.taskId === 'mapped');
    expect(mapped?.runIds.slice(0, 5)).toEqual(['r_\u{1F600}', 'r_\uFFFD', 'r_b', 'r_b', 'r_a']);
    expectSameLoad(g.db, 1000);
  });
});

describe('isoMs', () => {
  it('is Date.parse for the cache shape, other shapes, out-of-range fields and null', () => {
    const samples = [
      '2026-11-21T10:00:00.000Z',
      '1970-01-01T00:00:00.000Z',
      '1969-12-31T23:59:59.999Z',
      '2024-02-29T12:34:56.789Z',
      '2025-02-29T00:00:00.000Z',
      '2025-02-31T00:00:00.000Z',
      '2025-04-31T23:59:59.999Z',
      '0001-01-01T00:00:00.000Z',
      '0050-06-15T00:00:00.000Z',
      '9999-12-31T23:59:59.999Z',
      '2025-01-01T24:00:00.000Z',
      '2025-01-01T23:60:00.000Z',
      '2025-00-10T00:00:00.000Z',
      '2025-13-10T00:00:00.000Z',
      '2025-01-32T00:00:00.000Z',
      '2025-01-00T00:00:00.000Z',
      '2025-01-01T00:00:60.000Z',
      '2025-01-01T00:00:00.00aZ',
      '2025-01-01X00:00:00.000Z',
      '+012025-01-01T00:00:00.000Z',
      '2025-01-01T00:00:00Z',
      '2025-01-01T00:00:00.000+02:00',
      '2025-01-01 00:00:00',
      'garbage',
      '',
    ];
    for (const s of samples) expect([s, isoMs(s)]).toEqual([s, Date.parse(s)]);
    expect(isoMs(null)).toBeNaN();
    for (let ms = Date.UTC(1899, 0, 1); ms < Date.UTC(2101, 0, 1); ms += 86_400_000 * 7 + 3_600_123) {
      const s = new Date(ms).toISOString();
      expect(isoMs(s)).toBe(ms);
    }
  });
});

describe('compareBinary', () => {
  it('orders as SQLite BINARY (code points), also past U+FFFF', () => {
    const words = ['', 'a', 'ab', 'b', '\uFFFD', '\u{1F600}', '\uE000', 'a\u{1F600}', 'a\uFFFF'];
    const sorted = [...words].sort(compareBinary);
    expect(sorted).toEqual(
      [...words].sort((x, y) => {
        const a = [...x].map((c) => c.codePointAt(0) ?? 0);
        const b = [...y].map((c) => c.codePointAt(0) ?? 0);
        for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] !== b[i]) return (a[i] ?? 0) - (b[i] ?? 0);
        return a.length - b.length;
      }),
    );
  });
});
