import type { EmbeddedGraph } from '../embedded-graph';
import { compactProps } from '../graph-model';
import { nodeKeys } from '../node-keys';
import { rate, type ActivityStats } from './activity-stats';
import { parseJsonList } from '../../cache/parse-json-list';
import type { CatalogReader, EnvRow } from './read-catalog';
import type { TriggerLink } from './read-triggers';

/** Environment, DAGs, tasks, owners, tags, pools and assets of one environment, with their static edges. */
export function addCatalog(graph: EmbeddedGraph, reader: CatalogReader, env: EnvRow, stats: ActivityStats, triggers: readonly TriggerLink[]): void {
  const envId = env.id;
  const envKey = nodeKeys.environment(envId);
  graph.addNode({ key: envKey, label: 'Environment', props: compactProps({ envId, name: env.name, kind: env.kind, synthetic: env.synthetic === 1 }) });

  for (const pool of reader.pools(envId)) {
    graph.addNode({ key: nodeKeys.pool(envId, pool.name), label: 'Pool', props: { envId, name: pool.name, slots: pool.slots } });
  }

  for (const dag of reader.dags(envId)) {
    const key = nodeKeys.dag(envId, dag.dag_id);
    const a = stats.dag(dag.dag_id);
    graph.addNode({
      key,
      label: 'Dag',
      props: compactProps({
        envId,
        dagId: dag.dag_id,
        name: dag.dag_id,
        description: dag.description,
        schedule: dag.schedule,
        isPaused: dag.is_paused === 1,
        runs30d: a.runs,
        failedRuns30d: a.failed,
        failureRate: rate(a.failed, a.finished),
        lastRunState: a.lastState,
        lastRunAt: a.lastAt,
      }),
    });
    graph.addEdge('HAS_DAG', envKey, key);
    for (const owner of parseJsonList(dag.owners_json)) {
      graph.addNode({ key: nodeKeys.owner(owner), label: 'Owner', props: { name: owner } });
      graph.addEdge('OWNED_BY', key, nodeKeys.owner(owner));
    }
    for (const tag of parseJsonList(dag.tags_json)) {
      graph.addNode({ key: nodeKeys.tag(tag), label: 'Tag', props: { name: tag } });
      graph.addEdge('TAGGED', key, nodeKeys.tag(tag));
    }
  }

  const tasks = reader.tasks(envId);
  for (const task of tasks) {
    const key = nodeKeys.task(envId, task.dag_id, task.task_id);
    const a = stats.task(task.dag_id, task.task_id);
    graph.addNode({
      key,
      label: 'Task',
      props: compactProps({
        envId,
        dagId: task.dag_id,
        taskId: task.task_id,
        name: task.task_id,
        operator: task.operator,
        pool: task.pool,
        taskGroup: task.task_group,
        isMapped: task.is_mapped === 1,
        tries30d: a.stats?.tries ?? 0,
        failures30d: a.stats?.failures ?? 0,
        flakyTries30d: a.stats?.flaky ?? 0,
        failureRate: rate(a.stats?.failures ?? 0, a.stats?.tries ?? 0),
        meanDurationS: a.stats?.mean_s === null || a.stats?.mean_s === undefined ? null : Math.round(a.stats.mean_s * 10) / 10,
        lastState: a.lastState,
        lastRunAt: a.lastAt,
      }),
    });
    graph.addEdge('HAS_TASK', nodeKeys.dag(envId, task.dag_id), key);
    if (task.pool !== null) graph.addEdge('IN_POOL', key, nodeKeys.pool(envId, task.pool));
  }
  for (const task of tasks) {
    for (const downstream of parseJsonList(task.downstream_json)) {
      graph.addEdge('DEPENDS_ON', nodeKeys.task(envId, task.dag_id, downstream), nodeKeys.task(envId, task.dag_id, task.task_id));
    }
  }

  for (const asset of reader.assets(envId)) {
    const key = nodeKeys.asset(asset.uri);
    graph.addNode({ key, label: 'Asset', props: compactProps({ uri: asset.uri, name: asset.name ?? asset.uri, lastEventAt: asset.last_event_at }) });
  }
  for (const link of reader.assetLinks(envId)) {
    const from = link.task_id === '' ? nodeKeys.dag(envId, link.dag_id) : nodeKeys.task(envId, link.dag_id, link.task_id);
    graph.addEdge(link.role === 'producer' ? 'PRODUCES' : 'CONSUMES', from, nodeKeys.asset(link.uri));
  }
  for (const t of triggers) {
    graph.addEdge('TRIGGERS', nodeKeys.task(envId, t.parentDagId, t.parentTaskId), nodeKeys.dag(envId, t.childDagId));
  }
}
