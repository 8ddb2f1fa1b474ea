import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadEnvHistory } from '../../src-main/services/analytics/history-load';
import type { EnvHistory, TaskSeries } from '../../src-main/services/analytics/history-types';
import { scoreIncrementally, ScoringCache } from '../../src-main/services/analytics/incremental-scoring';
import { trainRiskModels } from '../../src-main/services/analytics/risk-scoring';
import { scoreEnvironment } from '../../src-main/services/analytics/score-environment';
import { openCache } from '../../src-main/services/cache/open-cache';
import { generateSyntheticHistory } from '../../src-main/services/synth/generate-history';
import { figure, type BenchEntry, type BenchFigure } from '../figure';

const AS_OF = '2026-11-21T10:00:00.000Z';
const HOUR = 3_600_000;

function lcg(seed: number): () => number {
  let s = seed;
  return () => (s = (s * 1664525 + 1013904223) % 4294967296) / 4294967296;
}

/** `tasks` hourly tasks of `perTask` instances each: lognormal durations, rare failures and retries, in memory. */
export function syntheticSeries(tasks: number, perTask: number): EnvHistory {
  const next = lcg(11);
  const start = Date.parse(AS_OF) - perTask * HOUR;
  const series: TaskSeries[] = [];
  for (let k = 0; k < tasks; k++) {
    const s: TaskSeries = {
      dagId: `dag_${Math.floor(k / 8)}`,
      taskId: `task_${k % 8}`,
      pool: 'default_pool',
      runIds: new Array<string>(perTask),
      mapIndexes: new Int32Array(perTask).fill(-1),
      startMs: new Float64Array(perTask),
      endMs: new Float64Array(perTask),
      queuedMs: new Float64Array(perTask),
      durationS: new Float64Array(perTask),
      exhausted: new Uint8Array(perTask),
      succeeded: new Uint8Array(perTask),
      failedTries: new Uint8Array(perTask),
      tries: new Uint8Array(perTask),
      hostnames: new Array<string | null>(perTask).fill('worker-1'),
      length: perTask,
      retries: 1,
      downstream: [],
    };
    const median = 30 + 600 * next();
    for (let i = 0; i < perTask; i++) {
      const normal = Math.sqrt(-2 * Math.log(next() || 1e-9)) * Math.cos(2 * Math.PI * next());
      const d = median * Math.exp(0.25 * normal);
      const failed = next() < 0.004;
      s.runIds[i] = `scheduled__${i}`;
      s.startMs[i] = start + i * HOUR;
      s.queuedMs[i] = start + i * HOUR - 1000 - ((i * 7919) % 4000);
      s.durationS[i] = d;
      s.endMs[i] = start + i * HOUR + d * 1000;
      s.succeeded[i] = failed ? 0 : 1;
      s.exhausted[i] = failed ? 1 : 0;
      s.failedTries[i] = failed ? 1 : next() < 0.01 ? 1 : 0;
      s.tries[i] = 1 + (s.failedTries[i] ?? 0);
    }
    series.push(s);
  }
  return {
    envId: 'bench',
    asOfMs: Date.parse(AS_OF),
    dags: [],
    series,
    runsByDag: new Map(),
    logs: [],
    producedAssets: new Map(),
    poolSlots: new Map([['default_pool', 128]]),
    upstreamFailed: new Set(),
    taskInstanceCount: tasks * perTask,
  };
}

/** The first `n` instances of a task (views, no copy): its history before a sync. */
function head(s: TaskSeries, n: number): TaskSeries {
  return {
    ...s,
    runIds: s.runIds.slice(0, n),
    mapIndexes: s.mapIndexes.subarray(0, n),
    startMs: s.startMs.subarray(0, n),
    endMs: s.endMs.subarray(0, n),
    queuedMs: s.queuedMs.subarray(0, n),
    durationS: s.durationS.subarray(0, n),
    exhausted: s.exhausted.subarray(0, n),
    succeeded: s.succeeded.subarray(0, n),
    failedTries: s.failedTries.subarray(0, n),
    tries: s.tries.subarray(0, n),
    hostnames: s.hostnames.slice(0, n),
    length: n,
  };
}

/** The history as it was before a sync that brought `newRows` rows to each of the first `tasks` tasks. */
function beforeSync(history: EnvHistory, tasks: number, newRows: number): EnvHistory {
  const series = history.series.map((s, k) => (k < tasks ? head(s, s.length - newRows) : s));
  return { ...history, series, asOfMs: history.asOfMs, taskInstanceCount: history.taskInstanceCount - tasks * newRows };
}

const secondsOf = (started: number): number => (performance.now() - started) / 1000;
const ms3 = (s: number): number => Math.round(s * 1000) / 1000;

interface Timed {
  readonly wall: number;
  readonly cpu: number;
}

let timed: Timed = { wall: NaN, cpu: NaN };

function cpuSecondsOf(since: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(since);
  return (used.user + used.system) / 1e6;
}

/**
 * Best of `times` (the machine is shared: the minimum is the least disturbed
 * measurement), wall and CPU seconds of the process; `measured` reads what
 * `run` timed itself when only part of it counts.
 */
function bestOf(times: number, run: () => void, measured?: () => Timed): Timed {
  let wall = Infinity;
  let cpu = Infinity;
  for (let k = 0; k < times; k++) {
    const c = process.cpuUsage();
    const started = performance.now();
    run();
    const t = measured ? measured() : { wall: secondsOf(started), cpu: cpuSecondsOf(c) };
    wall = Math.min(wall, t.wall);
    cpu = Math.min(cpu, t.cpu);
  }
  return { wall, cpu };
}

function fullRescoring(history: EnvHistory): { figures: BenchFigure[]; time: Timed } {
  scoreEnvironment(syntheticSeries(20, 1000));
  let scored = scoreEnvironment(syntheticSeries(1, 10));
  const t = bestOf(3, () => (scored = scoreEnvironment(history)));
  const figures = [
    figure('full rescoring of 1,000,000 task instances (single thread, best of 3)', ms3(t.wall), 's', { goal: 1, lowerIsBetter: true }),
    figure('full rescoring, CPU time of the process (unaffected by waiting for a core)', ms3(t.cpu), 's', { goal: 1, lowerIsBetter: true }),
    figure('rescoring rows/s', Math.round(history.taskInstanceCount / t.wall), 'rows/s'),
    figure('findings on noise-only history', scored.findings.length, 'findings'),
  ];
  return { figures, time: t };
}

/** Scoring after a sync that added 1 % rows, against a full rescoring of the same history (same findings; a unit test compares). */
function incrementalRescoring(history: EnvHistory, full: { wall: number; cpu: number }): BenchFigure[] {
  const out: BenchFigure[] = [];
  const cases = [
    ['1% new rows in 1% of the tasks', 10, 1000 - 10],
    ['1% new rows in 10% of the tasks', 100, 100],
    ['1% new rows spread over every task', 1000, 10],
  ] as const;
  for (const [label, tasks, rows] of cases) {
    const previous = beforeSync(history, tasks, rows);
    let rescored = 0;
    const t = bestOf(
      3,
      () => {
        const cache = new ScoringCache();
        scoreIncrementally(previous, cache);
        const c = process.cpuUsage();
        const started = performance.now();
        rescored = scoreIncrementally(history, cache).stats.rowsRescored;
        timed = { wall: secondsOf(started), cpu: cpuSecondsOf(c) };
      },
      () => timed,
    );
    out.push(
      figure(`${label}: rows re-scored`, rescored, 'rows'),
      figure(`${label}: incremental scoring (baseline: full rescoring)`, ms3(t.wall), 's', { baseline: ms3(full.wall) }),
      figure(`${label}: incremental scoring, CPU time (baseline: full)`, ms3(t.cpu), 's', { baseline: ms3(full.cpu) }),
    );
  }
  return out;
}

function onRealHistory(dags: number, days: number): BenchFigure[] {
  const dir = mkdtempSync(join(tmpdir(), 'orc-bench-analytics-'));
  try {
    const { db } = openCache(join(dir, 'cache.sqlite'));
    generateSyntheticHistory(db, { envId: 'bench', dags, days, seed: 7, asOf: AS_OF });
    let started = performance.now();
    const history = loadEnvHistory(db, 'bench', AS_OF);
    const loadS = (performance.now() - started) / 1000;
    started = performance.now();
    scoreEnvironment(history);
    const scoreS = (performance.now() - started) / 1000;
    started = performance.now();
    const trainCpu = process.cpuUsage();
    const models = trainRiskModels(history);
    const trainS = (performance.now() - started) / 1000;
    const trainCpuS = cpuSecondsOf(trainCpu);
    process.stderr.write(
      `bench: failure + lateness models trained on ${history.taskInstanceCount} rows (${dags} DAGs × ${days} days) in ${trainS.toFixed(2)} s${models.late ? '' : ' (no lateness model)'}\n`,
    );
    db.close();
    const size = `${dags}x${days}`;
    return [
      figure(`${size} task instances`, history.taskInstanceCount, 'rows'),
      figure(`${size} load from SQLite`, Math.round(loadS * 1000) / 1000, 's'),
      figure(`${size} load rows/s`, Math.round(history.taskInstanceCount / loadS), 'rows/s'),
      figure(`${size} scoring (all detectors, patterns)`, Math.round(scoreS * 1000) / 1000, 's'),
      figure(`${size} scoring rows/s`, Math.round(history.taskInstanceCount / scoreS), 'rows/s'),
      figure(`${size} failure + lateness model training (features + fit + calibration)`, Math.round(trainS * 1000) / 1000, 's', {
        goal: 10,
        lowerIsBetter: true,
      }),
      figure(`${size} model training, CPU time of the process`, ms3(trainCpuS), 's', { goal: 10, lowerIsBetter: true }),
      figure(`${size} training rows/s`, Math.round(history.taskInstanceCount / trainS), 'rows/s'),
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const entry: BenchEntry = {
  name: 'analytics',
  async run() {
    const history = syntheticSeries(1000, 1000);
    const full = fullRescoring(history);
    return [...full.figures, ...incrementalRescoring(history, full.time), ...onRealHistory(25, 365)];
  },
};

export default entry;
