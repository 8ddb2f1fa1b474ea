import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadEnvHistory } from '../../src-main/services/analytics/history-load';
import type { EnvHistory, TaskSeries } from '../../src-main/services/analytics/history-types';
import { failureIndex, featureRows } from '../../src-main/services/analytics/model/risk-features';
import { timeSplit, trainRiskModel } from '../../src-main/services/analytics/model/risk-model';
import { scoreEnvironment } from '../../src-main/services/analytics/score-environment';
import { openCache } from '../../src-main/services/cache/open-cache';
import { generateSyntheticHistory } from '../../src-main/services/synth/generate-history';
import { figure, type BenchEntry, type BenchFigure } from '../figure';

const AS_OF = '2026-11-21T10:00:00.000Z';
const HOUR = 3_600_000;

function lcg(seed: number): () => number {
  let s = seed;
  return () => ((s = (s * 1664525 + 1013904223) % 4294967296) / 4294967296);
}

/** `tasks` hourly tasks of `perTask` instances each: lognormal durations, rare failures and retries, in memory. */
export function syntheticSeries(tasks: number, perTask: number): EnvHistory {
  const next = lcg(11);
  const start = Date.parse(AS_OF) - perTask * HOUR;
  const series: TaskSeries[] = [];
  for (let k = 0; k < tasks; k++) {
    const s: TaskSeries = {
      dagId: `dag_${Math.floor(k / 8)}`, taskId: `task_${k % 8}`, pool: 'default_pool', runIds: new Array<string>(perTask), mapIndexes: new Int32Array(perTask).fill(-1),
      startMs: new Float64Array(perTask), endMs: new Float64Array(perTask), durationS: new Float64Array(perTask), exhausted: new Uint8Array(perTask),
      succeeded: new Uint8Array(perTask), failedTries: new Uint8Array(perTask), tries: new Uint8Array(perTask), hostnames: new Array<string | null>(perTask).fill('worker-1'),
      length: perTask,
    };
    const median = 30 + 600 * next();
    for (let i = 0; i < perTask; i++) {
      const normal = Math.sqrt(-2 * Math.log(next() || 1e-9)) * Math.cos(2 * Math.PI * next());
      const d = median * Math.exp(0.25 * normal);
      const failed = next() < 0.004;
      s.runIds[i] = `scheduled__${i}`;
      s.startMs[i] = start + i * HOUR;
      s.durationS[i] = d;
      s.endMs[i] = start + i * HOUR + d * 1000;
      s.succeeded[i] = failed ? 0 : 1;
      s.exhausted[i] = failed ? 1 : 0;
      s.failedTries[i] = failed ? 1 : next() < 0.01 ? 1 : 0;
      s.tries[i] = 1 + (s.failedTries[i] ?? 0);
    }
    series.push(s);
  }
  return { envId: 'bench', asOfMs: Date.parse(AS_OF), dags: [], series, runsByDag: new Map(), logs: [], producedAssets: new Map(), taskInstanceCount: tasks * perTask };
}

function fullRescoring(): BenchFigure[] {
  const history = syntheticSeries(1000, 1000);
  scoreEnvironment(syntheticSeries(20, 1000));
  // Best of three: the machine is shared, the minimum is the least disturbed measurement.
  let seconds = Infinity;
  let scored = scoreEnvironment(syntheticSeries(1, 10));
  for (let k = 0; k < 3; k++) {
    const started = performance.now();
    scored = scoreEnvironment(history);
    seconds = Math.min(seconds, (performance.now() - started) / 1000);
  }
  return [
    figure('full rescoring of 1,000,000 task instances (single thread, best of 3)', Math.round(seconds * 1000) / 1000, 's', { goal: 1, lowerIsBetter: true }),
    figure('rescoring rows/s', Math.round(history.taskInstanceCount / seconds), 'rows/s'),
    figure('findings on noise-only history', scored.findings.length, 'findings'),
  ];
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
    const rows = featureRows(history, failureIndex(history));
    const split = timeSplit(rows, 0.75, 0.25);
    trainRiskModel(rows, split.train, split.calibrate);
    const trainS = (performance.now() - started) / 1000;
    db.close();
    const size = `${dags}x${days}`;
    return [
      figure(`${size} task instances`, history.taskInstanceCount, 'rows'),
      figure(`${size} load from SQLite`, Math.round(loadS * 1000) / 1000, 's'),
      figure(`${size} load rows/s`, Math.round(history.taskInstanceCount / loadS), 'rows/s'),
      figure(`${size} scoring (all detectors, patterns)`, Math.round(scoreS * 1000) / 1000, 's'),
      figure(`${size} scoring rows/s`, Math.round(history.taskInstanceCount / scoreS), 'rows/s'),
      figure(`${size} failure model training (features + fit + calibration)`, Math.round(trainS * 1000) / 1000, 's', { goal: 10, lowerIsBetter: true }),
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const entry: BenchEntry = {
  name: 'analytics',
  async run() {
    return [...fullRescoring(), ...onRealHistory(25, 365)];
  },
};

export default entry;
