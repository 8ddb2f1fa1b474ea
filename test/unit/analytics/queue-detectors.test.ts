import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queueSpikes } from '../../../src-main/services/analytics/detectors/queue-delays';
import { queueFindings } from '../../../src-main/services/analytics/detectors/queue-episodes';
import { loadEnvHistory } from '../../../src-main/services/analytics/history-load';
import type { TaskSeries } from '../../../src-main/services/analytics/history-types';
import { scoreEnvironment } from '../../../src-main/services/analytics/score-environment';
import { AS_OF, generate, type Generated } from '../synth/synth-fixture';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const T0 = Date.parse('2026-10-01T00:00:00.000Z');

/** An hourly task of `pool`: queued on the hour, started `waitS(i)` later, running `runS(i)`. */
function hourly(
  dagId: string,
  taskId: string,
  pool: string,
  n: number,
  waitS: (i: number) => number,
  runS: (i: number) => number,
): TaskSeries {
  const s: TaskSeries = {
    dagId,
    taskId,
    pool,
    runIds: [],
    mapIndexes: new Int32Array(n).fill(-1),
    startMs: new Float64Array(n),
    endMs: new Float64Array(n),
    queuedMs: new Float64Array(n),
    durationS: new Float64Array(n),
    exhausted: new Uint8Array(n),
    succeeded: new Uint8Array(n).fill(1),
    failedTries: new Uint8Array(n),
    tries: new Uint8Array(n).fill(1),
    hostnames: new Array<string | null>(n).fill('worker-1'),
    length: n,
    retries: 0,
    downstream: [],
  };
  for (let i = 0; i < n; i++) {
    s.runIds[i] = `scheduled__${i}`;
    s.queuedMs[i] = T0 + i * HOUR + (taskId.length % 7) * 1000;
    s.startMs[i] = (s.queuedMs[i] ?? 0) + waitS(i) * 1000;
    s.durationS[i] = runS(i);
    s.endMs[i] = (s.startMs[i] ?? 0) + runS(i) * 1000;
  }
  return s;
}

const SPIKE = 100;
const usualWait = (i: number): number => 2 + (i % 5);

describe('queue-time spikes and pool starvation', () => {
  it('groups the spikes of several tasks in one pool into one queue_spike with the usual wait as expectation', () => {
    const series = ['extract', 'load', 'report'].map((t) =>
      hourly(
        `dag_${t}`,
        t,
        'default_pool',
        150,
        (i) => (i === SPIKE ? 900 + t.length * 60 : usualWait(i)),
        () => 60,
      ),
    );
    const findings = queueFindings(
      series,
      series.flatMap((s) => queueSpikes(s)),
      new Map([['default_pool', 128]]),
    );
    expect(findings).toHaveLength(1);
    const f = findings[0];
    expect(f?.kind).toBe('queue_spike');
    expect(f?.title).toMatch(/^3 tasks waited 19\.0 min–22\.0 min in the default_pool queue, usually < [2-6]\.\d s$/);
    expect(f?.causes.some((c) => c.kind === 'pool' && c.value === 'default_pool')).toBe(true);
    expect(f?.series.every((p) => p.flagged && (p.observed ?? 0) > (p.hi ?? Infinity))).toBe(true);
  });

  it('never alerts on second-level noise, however large relative to the usual wait', () => {
    const series = ['a', 'b', 'c'].map((t) =>
      hourly(
        'dag',
        t,
        'default_pool',
        150,
        (i) => (i === SPIKE ? 90 : 0.5),
        () => 60,
      ),
    );
    expect(
      queueFindings(
        series,
        series.flatMap((s) => queueSpikes(s)),
        new Map(),
      ),
    ).toEqual([]);
  });

  it("calls it pool starvation when the pool's slots were all taken, naming the tasks holding them", () => {
    const waiting = ['w1', 'w2', 'w3'].map((t) =>
      hourly(
        'dag_wait',
        t,
        'spark_pool',
        150,
        (i) => (i === SPIKE ? 1200 : 30),
        () => 120,
      ),
    );
    // Two long jobs start just before the spike hour and hold both slots for 40 minutes.
    const hogs = ['hog_a', 'hog_b'].map((t) =>
      hourly(
        'dag_backfill',
        t,
        'spark_pool',
        150,
        () => 1,
        (i) => (i === SPIKE - 1 ? 3600 + 40 * 60 : 60),
      ),
    );
    const series = [...waiting, ...hogs];
    const findings = queueFindings(
      series,
      series.flatMap((s) => queueSpikes(s)),
      new Map([['spark_pool', 2]]),
    );
    expect(findings.map((f) => f.kind)).toEqual(['pool_starvation']);
    expect(findings[0]?.title).toContain('Pool spark_pool starved: 3 task instances waited up to 20.0 min while its 2 slots were in use');
    expect(findings[0]?.observed).toContain('slots held by dag_backfill.hog_a');
    expect(findings[0]?.causes.find((c) => c.kind === 'task')?.value).toBe('dag_backfill.hog_a, dag_backfill.hog_b');
  });

  it("infers saturation from a plateau at the running count of the week before when the pool's slots are unknown", () => {
    // Two jobs always hold the pool (at most 2 run at once); three short tasks usually slip in within 30 s.
    const waiting = ['w1', 'w2', 'w3'].map((t) =>
      hourly(
        'dag_wait',
        t,
        'gpu',
        200,
        (i) => (i === SPIKE + 48 ? 1200 : 30),
        () => 1,
      ),
    );
    const hogs = ['hog_a', 'hog_b'].map((t) =>
      hourly(
        'dag_backfill',
        t,
        'gpu',
        200,
        () => 1,
        () => 3599,
      ),
    );
    const series = [...waiting, ...hogs];
    const findings = queueFindings(
      series,
      series.flatMap((s) => queueSpikes(s)),
      new Map(),
    );
    expect(findings.map((f) => f.kind)).toEqual(['pool_starvation']);
    expect(findings[0]?.expected).toContain('at most 2 ran at once at these times in the week before');
  });
});

describe('the synthetic queue stall', () => {
  let g: Generated;
  beforeAll(() => {
    g = generate({ dags: 25, days: 60, seed: 12 });
  });
  afterAll(() => g.dispose());

  it('is labelled exactly as the rows show it and found as one queue_spike in its pool', () => {
    const label = g.summary.labels.find((l) => l.kind === 'queue_spike');
    if (label?.kind !== 'queue_spike') throw new Error('no queue stall label');
    for (const ti of label.detail.taskInstances) {
      const row = g.db
        .prepare(
          "SELECT queued_at, start_date, pool FROM task_instances WHERE env_id = 'demo' AND dag_id = ? AND run_id = ? AND task_id = ? AND map_index = ?",
        )
        .get(ti.dagId, ti.runId, ti.taskId, ti.mapIndex) as { queued_at: string; start_date: string; pool: string };
      expect(row).toEqual({ queued_at: ti.queuedAt, start_date: ti.startDate, pool: label.detail.pool });
      expect(Date.parse(ti.startDate)).toBeGreaterThanOrEqual(Date.parse(label.detail.stallEnd));
    }
    const found = scoreEnvironment(loadEnvHistory(g.db, 'demo', AS_OF)).findings.filter(
      (f) => f.kind === 'queue_spike' || f.kind === 'pool_starvation',
    );
    expect(found).toHaveLength(1);
    expect(found[0]?.causes.find((c) => c.kind === 'pool')?.value).toBe(label.detail.pool);
    expect(found[0]?.startsMs).toBeGreaterThanOrEqual(Date.parse(label.startsAt));
    expect(found[0]?.endsMs).toBeLessThanOrEqual(Date.parse(label.endsAt));
  });
});
