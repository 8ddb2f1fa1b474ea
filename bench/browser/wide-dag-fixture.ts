import type Database from 'better-sqlite3';
import { EnvironmentStore } from '../../src-main/services/cache/environment-store';
import { HistoryWriter } from '../../src-main/services/cache/history-writer';
import { BENCH_AS_OF } from '../cached-history';

/** The environment and DAG of the wide-grid fixture. */
export const WIDE_ENV = 'wide';
export const WIDE_DAG = 'wide_dag';
const HOUR_MS = 3_600_000;
const LAYER = 10;

/** A small deterministic generator (the fixture must be the same every time it is built). */
function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1_664_525) + 1_013_904_223) >>> 0;
    return s / 2 ** 32;
  };
}

const iso = (ms: number): string => new Date(ms).toISOString();
const taskId = (i: number): string => `layer_${String(Math.floor(i / LAYER)).padStart(2, '0')}_task_${String(i % LAYER).padStart(2, '0')}`;

/**
 * One DAG of `tasks` tasks (layers of ten, each task feeding two of the next
 * layer) with `runs` hourly runs ending at BENCH_AS_OF, written through
 * HistoryWriter: the synthetic catalogue has no DAG this wide. About 2 % of
 * runs fail (a failed task and its upstream_failed tail), some tasks retry.
 */
export function writeWideDag(db: Database.Database, tasks: number, runs: number): void {
  const end = Date.parse(BENCH_AS_OF);
  new EnvironmentStore(db).upsert({
    id: WIDE_ENV,
    name: 'Wide',
    kind: 'demo',
    color: '#0ea5e9',
    readOnly: true,
    baseUrl: null,
    airflowVersion: '3.1.0',
    configJson: JSON.stringify({ generator: 'bench/wide-dag-fixture', tasks, runs }),
    synthetic: true,
    asOf: BENCH_AS_OF,
  });
  const writer = new HistoryWriter(db);
  const random = lcg(tasks * 100_003 + runs);
  const ids = Array.from({ length: tasks }, (_, i) => taskId(i));
  writer.transaction(() => {
    writer.dag.run({
      envId: WIDE_ENV,
      dagId: WIDE_DAG,
      description: `Bench fixture: ${tasks} tasks, ${runs} hourly runs`,
      schedule: '@hourly',
      isPaused: false,
      owners: ['bench'],
      tags: ['bench'],
      fileloc: '/dags/wide_dag.py',
      paramsJson: null,
      lastParsed: BENCH_AS_OF,
      maxActiveRuns: 16,
      timetableDescription: null,
      timezone: null,
      nextDagrunLogical: null,
      nextDagrunRunAfter: null,
    });
    ids.forEach((id, i) => {
      const next =
        i + LAYER < tasks
          ? [ids[i + LAYER], ids[Math.floor(i / LAYER) * LAYER + LAYER + ((i + 1) % LAYER)]].filter((t): t is string => t !== undefined)
          : [];
      writer.task.run({
        envId: WIDE_ENV,
        dagId: WIDE_DAG,
        taskId: id,
        operator: 'PythonOperator',
        pool: 'default_pool',
        queue: 'default',
        retries: 2,
        triggerRule: 'all_success',
        isMapped: false,
        taskGroup: `layer_${String(Math.floor(i / LAYER)).padStart(2, '0')}`,
        downstream: [...new Set(next)],
      });
    });
  });
  const BATCH = 100;
  for (let from = 0; from < runs; from += BATCH) {
    writer.transaction(() => {
      for (let r = from; r < Math.min(runs, from + BATCH); r++) writeRun(writer, ids, end - (runs - r) * HOUR_MS, random);
    });
  }
}

function writeRun(writer: HistoryWriter, ids: readonly string[], logical: number, random: () => number): void {
  const runId = `scheduled__${iso(logical)}`;
  const failsAt = random() < 0.02 ? Math.floor(random() * ids.length) : -1;
  const start = logical + 30_000;
  let at = start;
  ids.forEach((id, i) => {
    const failed = failsAt >= 0 && i === failsAt;
    const after = failsAt >= 0 && i > failsAt && Math.floor(i / LAYER) > Math.floor(failsAt / LAYER);
    const state = failed ? 'failed' : after ? 'upstream_failed' : 'success';
    const tries = failed ? 3 : random() < 0.01 ? 2 : 1;
    const duration = after ? null : 2 + random() * 8;
    const taskStart = after ? null : at;
    if (duration !== null) at += (duration * 1000) / LAYER;
    writer.taskInstance.run({
      envId: WIDE_ENV,
      dagId: WIDE_DAG,
      runId,
      taskId: id,
      mapIndex: -1,
      state,
      tryNumber: tries,
      maxTries: 3,
      startDate: taskStart === null ? null : iso(taskStart),
      endDate: taskStart === null || duration === null ? null : iso(taskStart + duration * 1000),
      durationS: duration,
      queuedAt: taskStart === null ? null : iso(taskStart - 1000),
      hostname: taskStart === null ? null : `worker-${i % 8}`,
      operator: 'PythonOperator',
      pool: 'default_pool',
      queue: 'default',
      executor: 'CeleryExecutor',
      note: null,
    });
  });
  writer.run.run({
    envId: WIDE_ENV,
    dagId: WIDE_DAG,
    runId,
    state: failsAt >= 0 ? 'failed' : 'success',
    runType: 'scheduled',
    logicalDate: iso(logical),
    runAfter: iso(logical),
    queuedAt: iso(logical + 10_000),
    startDate: iso(start),
    endDate: iso(at),
    durationS: (at - start) / 1000,
    confJson: '{}',
    note: null,
    dagVersion: '1',
    triggeredBy: 'timetable',
  });
}
