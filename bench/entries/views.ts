import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import type { RequestInput, RequestName } from '../../src-shared/api/contract';
import { createEngine, CACHE_FILE_NAME } from '../../src-main/engine/create-engine';
import { openCache } from '../../src-main/services/cache/open-cache';
import { generateSyntheticHistory } from '../../src-main/services/synth/generate-history';
import { figure, type BenchEntry, type BenchFigure } from '../figure';

const AS_OF = '2026-11-21T10:00:00.000Z';
const ENV = 'bench';
const GOAL_MS = 100;
const REPEATS = Number(process.env.VIEWS_BENCH_REPEATS ?? 30);

function size(): { dags: number; days: number } {
  if (process.env.BENCH_FULL === '1') return { dags: 500, days: 365 };
  return { dags: Number(process.env.VIEWS_BENCH_DAGS ?? 100), days: Number(process.env.VIEWS_BENCH_DAYS ?? 90) };
}

const daysBefore = (days: number): string => new Date(Date.parse(AS_OF) - days * 86_400_000).toISOString();

interface Subjects {
  busiestDag: string;
  failedRun: { dagId: string; runId: string };
  goodRun: string;
  failedTask: { taskId: string; mapIndex: number; tryNumber: number };
}

/** The ids the views are asked about: the DAG with the most task instances, its newest failed run and a failed task of it. */
function subjects(db: Database.Database): Subjects {
  const busiestDag = db.prepare('SELECT dag_id FROM dag_runs WHERE env_id = ? GROUP BY dag_id ORDER BY COUNT(*) DESC LIMIT 1').pluck().get(ENV) as string;
  const failed = db
    .prepare("SELECT dag_id, run_id FROM task_logs WHERE env_id = ? AND dag_id = ? ORDER BY fetched_at DESC, run_id DESC LIMIT 1")
    .get(ENV, busiestDag) as { dag_id: string; run_id: string } | undefined;
  const anyFailed = failed ?? (db.prepare('SELECT dag_id, run_id FROM task_logs WHERE env_id = ? LIMIT 1').get(ENV) as { dag_id: string; run_id: string });
  const task = db
    .prepare('SELECT task_id, map_index, try_number FROM task_logs WHERE env_id = ? AND dag_id = ? AND run_id = ? LIMIT 1')
    .get(ENV, anyFailed.dag_id, anyFailed.run_id) as { task_id: string; map_index: number; try_number: number };
  const goodRun = db
    .prepare("SELECT run_id FROM dag_runs WHERE env_id = ? AND dag_id = ? AND state = 'success' ORDER BY start_date DESC LIMIT 1")
    .pluck()
    .get(ENV, anyFailed.dag_id) as string;
  return { busiestDag, failedRun: { dagId: anyFailed.dag_id, runId: anyFailed.run_id }, goodRun, failedTask: { taskId: task.task_id, mapIndex: task.map_index, tryNumber: task.try_number } };
}

type Call = { [N in RequestName]: { label: string; name: N; input: RequestInput<N> } }[RequestName];

function calls(s: Subjects): Call[] {
  const run = { envId: ENV, dagId: s.failedRun.dagId, runId: s.failedRun.runId };
  return [
    { label: 'overview.get', name: 'overview.get', input: { envId: ENV } },
    { label: 'fleet.overview (all envs)', name: 'fleet.overview', input: {} },
    { label: 'triage.list (7 d)', name: 'triage.list', input: { days: 7 } },
    { label: 'runs.investigate (Gantt)', name: 'runs.investigate', input: run },
    { label: 'tasks.investigate', name: 'tasks.investigate', input: { ...run, taskId: s.failedTask.taskId, mapIndex: s.failedTask.mapIndex } },
    { label: 'tasks.log', name: 'tasks.log', input: { ...run, taskId: s.failedTask.taskId, mapIndex: s.failedTask.mapIndex, tryNumber: s.failedTask.tryNumber } },
    { label: 'dags.grid (30 d)', name: 'dags.grid', input: { envId: ENV, dagId: s.busiestDag, from: daysBefore(30), to: AS_OF } },
    { label: 'dags.grid (whole history)', name: 'dags.grid', input: { envId: ENV, dagId: s.busiestDag, from: daysBefore(400), to: AS_OF } },
    { label: 'dags.durations (DAG, 90 d)', name: 'dags.durations', input: { envId: ENV, dagId: s.busiestDag, from: daysBefore(90), to: AS_OF } },
    { label: 'runs.compare', name: 'runs.compare', input: { envId: ENV, dagId: s.failedRun.dagId, goodRunId: s.goodRun, badRunId: s.failedRun.runId } },
    { label: 'timeline.runs (24 h)', name: 'timeline.runs', input: { from: daysBefore(1), to: AS_OF } },
  ];
}

function p95(samples: number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.95) - 1)] ?? 0;
}

/**
 * API time of each investigation view's request (engine dispatch: validation,
 * SQL, mapping) on a synthetic cache generated once into a temp dir.
 */
async function measure(dags: number, days: number): Promise<BenchFigure[]> {
  const dir = mkdtempSync(join(tmpdir(), 'orc-bench-views-'));
  try {
    const { db } = openCache(join(dir, CACHE_FILE_NAME));
    const started = performance.now();
    generateSyntheticHistory(db, { envId: ENV, envName: 'Bench', dags, days, seed: 7, asOf: AS_OF });
    const generatedS = (performance.now() - started) / 1000;
    const subjectsOf = subjects(db);
    db.close();
    const engine = await createEngine({ dataDir: dir, mode: 'served', version: 'bench', demo: false });
    const sizeLabel = `${dags}x${days}`;
    const figures: BenchFigure[] = [figure(`views ${sizeLabel} cache generation`, Math.round(generatedS * 10) / 10, 's')];
    try {
      for (const call of calls(subjectsOf)) {
        const samples: number[] = [];
        for (let i = 0; i < REPEATS + 2; i++) {
          const t0 = performance.now();
          const result = await engine.handle(call.name, call.input);
          const ms = performance.now() - t0;
          if (!result.ok) throw new Error(`${call.label}: ${result.error.message}`);
          if (i >= 2) samples.push(ms);
        }
        figures.push(figure(`views ${sizeLabel} ${call.label} p95`, Math.round(p95(samples) * 10) / 10, 'ms', { goal: GOAL_MS, lowerIsBetter: true }));
      }
    } finally {
      await engine.close();
    }
    return figures;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const entry: BenchEntry = {
  name: 'views',
  async run() {
    const { dags, days } = size();
    return measure(dags, days);
  },
};

export default entry;
