import type Database from 'better-sqlite3';
import { EnvironmentStore } from '../../src-main/services/cache/environment-store';
import { HistoryWriter } from '../../src-main/services/cache/history-writer';
import { BENCH_AS_OF } from '../cached-history';

/** The environment of the lineage fixture. */
export const LINEAGE_ENV = 'lineage';
/** Tasks per layer of every DAG: 19 tasks, each past the first layer with three upstreams (48 task edges a DAG). */
const LAYERS = [3, 4, 4, 4, 4] as const;
const UPSTREAMS = 3;

const dagId = (d: number): string => `lineage_dag_${String(d).padStart(3, '0')}`;
const taskId = (layer: number, i: number): string => `l${layer}_task_${i}`;

/** The upstreams of task `i` of `layer`: three of the previous layer's tasks (all of them when it has three). */
function upstreams(layer: number, i: number): number[] {
  const before = LAYERS[layer - 1] ?? 0;
  const all = Array.from({ length: before }, (_, j) => j);
  if (before <= UPSTREAMS) return all;
  const skipped = (i + layer) % before;
  return all.filter((j) => j !== skipped);
}

/** The tasks of one DAG with their downstream lists, in layer order. */
function dagTasks(): { id: string; downstream: string[] }[] {
  return LAYERS.flatMap((size, layer) =>
    Array.from({ length: size }, (_, i) => ({
      id: taskId(layer, i),
      downstream: Array.from({ length: LAYERS[layer + 1] ?? 0 }, (_, j) => j)
        .filter((j) => upstreams(layer + 1, j).includes(i))
        .map((j) => taskId(layer + 1, j)),
    })),
  );
}

/**
 * `dags` DAGs of 19 layered tasks and one asset per DAG, produced by one of
 * its last tasks and consumed by a first task of another DAG, written
 * through HistoryWriter (the synthetic catalogue has ~5 tasks a DAG). With
 * 100 DAGs the expanded environment scope is 1,900 tasks + 100 assets =
 * 2,000 nodes and 4,800 task + 200 asset edges = 5,000 edges. No runs: the
 * lineage view reads the catalogue only.
 */
export function writeLineageFixture(db: Database.Database, dags: number): void {
  new EnvironmentStore(db).upsert({
    id: LINEAGE_ENV,
    name: 'Lineage',
    kind: 'demo',
    color: '#8b5cf6',
    readOnly: true,
    baseUrl: null,
    airflowVersion: '3.1.0',
    configJson: JSON.stringify({ generator: 'bench/lineage-fixture', dags }),
    synthetic: true,
    asOf: BENCH_AS_OF,
  });
  const writer = new HistoryWriter(db);
  const tasks = dagTasks();
  const last = LAYERS.length - 1;
  writer.transaction(() => {
    writer.pool.run({ envId: LINEAGE_ENV, name: 'default_pool', slots: 128, description: null });
    for (let d = 0; d < dags; d++) {
      const dag = dagId(d);
      writer.dag.run({
        envId: LINEAGE_ENV,
        dagId: dag,
        description: `Bench fixture: ${tasks.length} layered tasks`,
        schedule: '@daily',
        isPaused: false,
        owners: ['bench'],
        tags: ['bench'],
        fileloc: `/dags/${dag}.py`,
        paramsJson: null,
        lastParsed: BENCH_AS_OF,
        maxActiveRuns: 1,
        timetableDescription: null,
        timezone: null,
        nextDagrunLogical: null,
        nextDagrunRunAfter: null,
      });
      for (const task of tasks) {
        writer.task.run({
          envId: LINEAGE_ENV,
          dagId: dag,
          taskId: task.id,
          operator: 'PythonOperator',
          pool: 'default_pool',
          queue: 'default',
          retries: 1,
          triggerRule: 'all_success',
          isMapped: false,
          taskGroup: null,
          downstream: task.downstream,
        });
      }
      const uri = `s3://bench-lake/${dag}/output.parquet`;
      const consumer = dagId((d * 37 + 11) % dags === d ? (d + 1) % dags : (d * 37 + 11) % dags);
      writer.asset.run({ envId: LINEAGE_ENV, uri, name: `${dag}_output` });
      writer.assetLink.run({ envId: LINEAGE_ENV, uri, dagId: dag, taskId: taskId(last, d % (LAYERS[last] ?? 1)), role: 'producer' });
      writer.assetLink.run({ envId: LINEAGE_ENV, uri, dagId: consumer, taskId: taskId(0, d % LAYERS[0]), role: 'consumer' });
    }
  });
}
