import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seasonalOffsets } from '../../../src-main/services/analytics/detectors/seasonal-offsets';
import { loadEnvHistory } from '../../../src-main/services/analytics/history-load';
import { HistoryWriter } from '../../../src-main/services/cache/history-writer';
import { openCache } from '../../../src-main/services/cache/open-cache';
import { DagGridQuery } from '../../../src-main/services/investigate/dag-grid';
import { DurationHistoryQuery } from '../../../src-main/services/investigate/duration-history';

const DAY = 86_400_000;
const FIRST = Date.parse('2025-02-01T02:00:00.000Z');
/** Five weeks of daily slots, all caught up in ten minutes on 2025-03-07. */
const CAUGHT_UP_AT = Date.parse('2025-03-07T10:00:00.000Z');
const SLOTS = 35;
const iso = (ms: number): string => new Date(ms).toISOString();
const isWeekend = (ms: number): boolean => [0, 6].includes(new Date(ms).getUTCDay());

describe('logical time: a catch-up of five weeks executed in ten minutes', () => {
  let dir: string;
  let db: Database.Database;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'orc-logical-'));
    db = openCache(join(dir, 'cache.sqlite')).db;
    db.prepare(
      "INSERT INTO environments (id, name, kind, color, created_at) VALUES ('af3', 'AF3', 'airflow3', '#888', '2025-01-01T00:00:00Z')",
    ).run();
    const w = new HistoryWriter(db);
    w.dag.run({
      envId: 'af3',
      dagId: 'catchup_daily',
      description: null,
      schedule: '0 2 * * *',
      isPaused: false,
      owners: [],
      tags: [],
      fileloc: null,
      paramsJson: null,
      lastParsed: null,
      maxActiveRuns: null,
      timetableDescription: 'At 02:00',
      timezone: 'UTC',
      nextDagrunLogical: null,
      nextDagrunRunAfter: null,
    });
    for (let i = 0; i < SLOTS; i++) {
      const logical = FIRST + i * DAY;
      const start = CAUGHT_UP_AT + i * 15_000;
      // The data of a weekend is twice as large: the load takes twice as long, whenever it runs.
      const durationS = isWeekend(logical) ? 120 : 60;
      const runId = `scheduled__${iso(logical)}`;
      w.run.run({
        envId: 'af3',
        dagId: 'catchup_daily',
        runId,
        state: 'success',
        runType: 'scheduled',
        logicalDate: iso(logical),
        runAfter: iso(logical),
        queuedAt: iso(start - 1000),
        startDate: iso(start),
        endDate: iso(start + durationS * 1000),
        durationS,
        confJson: null,
        note: null,
        dagVersion: '1',
        triggeredBy: 'timetable',
      });
      w.taskInstance.run({
        envId: 'af3',
        dagId: 'catchup_daily',
        runId,
        taskId: 'load',
        mapIndex: -1,
        state: 'success',
        tryNumber: 1,
        maxTries: 1,
        startDate: iso(start),
        endDate: iso(start + durationS * 1000),
        durationS,
        queuedAt: iso(start - 500),
        hostname: 'w1',
        operator: 'PythonOperator',
        pool: 'default_pool',
        queue: null,
        executor: null,
        note: null,
      });
    }
    // A manual run on Airflow 3 has no logical date: it sits at its run_after.
    w.run.run({
      envId: 'af3',
      dagId: 'catchup_daily',
      runId: 'manual__x',
      state: 'success',
      runType: 'manual',
      logicalDate: null,
      runAfter: '2025-03-07T09:00:00.000Z',
      queuedAt: '2025-03-07T11:00:00.000Z',
      startDate: '2025-03-07T11:00:01.000Z',
      endDate: '2025-03-07T11:01:01.000Z',
      durationS: 60,
      confJson: null,
      note: null,
      dagVersion: '1',
      triggeredBy: 'ui',
    });
  });
  afterAll(() => {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('the grid shows one column per logical day, newest first, not one burst at the hour of the catch-up', () => {
    const grid = new DagGridQuery(db).grid('af3', 'catchup_daily', '2025-01-25T00:00:00.000Z', '2025-03-08T00:00:00.000Z', 1000);
    const scheduled = grid.runs.filter((r) => r.runId.startsWith('scheduled__'));
    expect(scheduled.map((r) => r.at)).toEqual(Array.from({ length: SLOTS }, (_, i) => iso(FIRST + (SLOTS - 1 - i) * DAY)));
    expect(grid.runs.find((r) => r.runId === 'manual__x')?.at).toBe('2025-03-07T09:00:00.000Z');
    expect(
      new DagGridQuery(db).grid('af3', 'catchup_daily', '2025-02-10T00:00:00.000Z', '2025-02-17T00:00:00.000Z', 1000).runs,
    ).toHaveLength(7);
  });

  it("the grid says how the DAG's schedule is read, and why its runs are not checked when it cannot be", () => {
    const grids = new DagGridQuery(db);
    expect(grids.grid('af3', 'catchup_daily', '2025-02-01T00:00:00.000Z', '2025-02-02T00:00:00.000Z', 10).schedule).toEqual({
      text: '0 2 * * *',
      timezone: 'UTC',
      checked: true,
      note: 'Missed and late runs are checked against 0 2 * * * (UTC).',
    });
    new HistoryWriter(db).dag.run({
      envId: 'af3',
      dagId: 'custom',
      description: null,
      schedule: 'acme.timetables.AfterWorkdays',
      isPaused: false,
      owners: [],
      tags: [],
      fileloc: null,
      paramsJson: null,
      lastParsed: null,
      maxActiveRuns: null,
      timetableDescription: 'After each workday',
      timezone: 'Europe/Berlin',
      nextDagrunLogical: null,
      nextDagrunRunAfter: null,
    });
    expect(grids.grid('af3', 'custom', '2025-02-01T00:00:00.000Z', '2025-02-02T00:00:00.000Z', 10).schedule).toEqual({
      text: 'acme.timetables.AfterWorkdays',
      timezone: 'Europe/Berlin',
      checked: false,
      note: 'Its schedule ("After each workday") is a custom timetable this app cannot read, so no run is called missed or late.',
    });
  });

  it('the duration chart places each run and each task instance at its logical date', () => {
    const q = new DurationHistoryQuery(db);
    const runs = q.history('af3', 'catchup_daily', undefined, '2025-01-25T00:00:00.000Z', '2025-03-08T00:00:00.000Z');
    const tasks = q.history('af3', 'catchup_daily', 'load', '2025-01-25T00:00:00.000Z', '2025-03-08T00:00:00.000Z');
    const days = Array.from({ length: SLOTS }, (_, i) => iso(FIRST + i * DAY));
    expect(tasks.points.map((p) => p.at)).toEqual(days);
    expect(runs.points.filter((p) => p.runId !== 'manual__x').map((p) => p.at)).toEqual(days);
    expect(new Set(tasks.band.map((b) => b.at.slice(0, 10))).size).toBeGreaterThan(20);
  });

  it('"usual at this hour and weekday" learns the weekend from the logical dates, not from the day the runs executed', () => {
    const history = loadEnvHistory(db, 'af3', '2025-03-08T00:00:00.000Z');
    const s = history.series.find((x) => x.taskId === 'load');
    if (s === undefined) throw new Error('no series');
    expect(Array.from(s.logicalMs ?? [])).toEqual(Array.from({ length: SLOTS }, (_, i) => FIRST + i * DAY));
    const logs = Float64Array.from(Array.from(s.durationS, (d) => Math.log(d)));
    const use = new Uint8Array(s.length).fill(1);
    const byLogical = seasonalOffsets(logs, s.logicalMs ?? s.startMs, use);
    const byExecution = seasonalOffsets(logs, s.startMs, use);
    const weekendAt = Array.from(s.logicalMs ?? []).findIndex(isWeekend);
    expect(byLogical[weekendAt]).toBeCloseTo(Math.log(2), 5);
    expect(byExecution[weekendAt]).toBe(0);
  });
});
