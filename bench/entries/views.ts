import { join } from 'node:path';
import type Database from 'better-sqlite3';
import type { RequestInput, RequestName } from '../../src-shared/api/contract';
import { createEngine, CACHE_FILE_NAME } from '../../src-main/engine/create-engine';
import type { Engine } from '../../src-main/engine/engine';
import { openCache } from '../../src-main/services/cache/open-cache';
import { BENCH_AS_OF, BENCH_ENV, synthDataDir, synthSize } from '../cached-history';
import { figure, type BenchEntry, type BenchFigure } from '../figure';
import { engineP95 } from '../engine-p95';

const AS_OF = BENCH_AS_OF;
const ENV = BENCH_ENV;
const GOAL_MS = 100;
const REPEATS = Number(process.env.VIEWS_BENCH_REPEATS ?? 30);

const daysBefore = (days: number): string => new Date(Date.parse(AS_OF) - days * 86_400_000).toISOString();

interface Subjects {
  busiestDag: string;
  failedRun: { dagId: string; runId: string };
  goodRun: string;
  failedTask: { taskId: string; mapIndex: number; tryNumber: number };
}

/** The ids the views are asked about: the DAG with the most task instances, its newest failed run and a failed task of it. */
function subjects(db: Database.Database): Subjects {
  const busiestDag = db
    .prepare('SELECT dag_id FROM dag_runs WHERE env_id = ? GROUP BY dag_id ORDER BY COUNT(*) DESC LIMIT 1')
    .pluck()
    .get(ENV) as string;
  const failed = db
    .prepare('SELECT dag_id, run_id FROM task_logs WHERE env_id = ? AND dag_id = ? ORDER BY fetched_at DESC, run_id DESC LIMIT 1')
    .get(ENV, busiestDag) as { dag_id: string; run_id: string } | undefined;
  const anyFailed =
    failed ?? (db.prepare('SELECT dag_id, run_id FROM task_logs WHERE env_id = ? LIMIT 1').get(ENV) as { dag_id: string; run_id: string });
  const task = db
    .prepare('SELECT task_id, map_index, try_number FROM task_logs WHERE env_id = ? AND dag_id = ? AND run_id = ? LIMIT 1')
    .get(ENV, anyFailed.dag_id, anyFailed.run_id) as { task_id: string; map_index: number; try_number: number };
  const goodRun = db
    .prepare("SELECT run_id FROM dag_runs WHERE env_id = ? AND dag_id = ? AND state = 'success' ORDER BY start_date DESC LIMIT 1")
    .pluck()
    .get(ENV, anyFailed.dag_id) as string;
  return {
    busiestDag,
    failedRun: { dagId: anyFailed.dag_id, runId: anyFailed.run_id },
    goodRun,
    failedTask: { taskId: task.task_id, mapIndex: task.map_index, tryNumber: task.try_number },
  };
}

type Call = { [N in RequestName]: { label: string; name: N; input: RequestInput<N> } }[RequestName];

function calls(s: Subjects): Call[] {
  const run = { envId: ENV, dagId: s.failedRun.dagId, runId: s.failedRun.runId };
  return [
    { label: 'overview.get', name: 'overview.get', input: { envId: ENV } },
    { label: 'fleet.overview (all envs)', name: 'fleet.overview', input: {} },
    { label: 'triage.list (7 d)', name: 'triage.list', input: { days: 7 } },
    { label: 'runs.investigate (Gantt)', name: 'runs.investigate', input: run },
    {
      label: 'tasks.investigate',
      name: 'tasks.investigate',
      input: { ...run, taskId: s.failedTask.taskId, mapIndex: s.failedTask.mapIndex },
    },
    {
      label: 'tasks.log',
      name: 'tasks.log',
      input: { ...run, taskId: s.failedTask.taskId, mapIndex: s.failedTask.mapIndex, tryNumber: s.failedTask.tryNumber },
    },
    { label: 'dags.grid (30 d)', name: 'dags.grid', input: { envId: ENV, dagId: s.busiestDag, from: daysBefore(30), to: AS_OF } },
    { label: 'dags.grid (whole history)', name: 'dags.grid', input: { envId: ENV, dagId: s.busiestDag, from: daysBefore(400), to: AS_OF } },
    {
      label: 'dags.durations (DAG, 90 d)',
      name: 'dags.durations',
      input: { envId: ENV, dagId: s.busiestDag, from: daysBefore(90), to: AS_OF },
    },
    {
      label: 'runs.compare',
      name: 'runs.compare',
      input: { envId: ENV, dagId: s.failedRun.dagId, goodRunId: s.goodRun, badRunId: s.failedRun.runId },
    },
    { label: 'timeline.runs (24 h)', name: 'timeline.runs', input: { from: daysBefore(1), to: AS_OF } },
  ];
}

const p95Of = (engine: Engine, call: Call): Promise<number> => engineP95(call.label, () => engine.handle(call.name, call.input), REPEATS);

/**
 * API time of each investigation view's request (engine dispatch: validation,
 * SQL, mapping) on a synthetic cache generated once and kept in the bench cache.
 */
async function measure(dags: number, days: number): Promise<BenchFigure[]> {
  const dir = await synthDataDir(dags, days);
  const { db } = openCache(join(dir, CACHE_FILE_NAME));
  const subjectsOf = subjects(db);
  db.close();
  const engine = await createEngine({ dataDir: dir, mode: 'served', version: 'bench', demo: false });
  const sizeLabel = `${dags}x${days}`;
  const figures: BenchFigure[] = [];
  try {
    for (const call of calls(subjectsOf)) {
      figures.push(figure(`views ${sizeLabel} ${call.label} p95`, await p95Of(engine, call), 'ms', { goal: GOAL_MS, lowerIsBetter: true }));
    }
  } finally {
    await engine.close();
  }
  return figures;
}

const entry: BenchEntry = {
  name: 'views',
  async run() {
    const { dags, days } = synthSize();
    return measure(dags, days);
  },
};

export default entry;
