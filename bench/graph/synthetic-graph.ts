import { EmbeddedGraph } from '../../src-main/services/graph/embedded-graph';
import { nodeKeys } from '../../src-main/services/graph/node-keys';

export interface SyntheticGraphSize {
  envs: number;
  dagsPerEnv: number;
  tasksPerDag: number;
  runsPerDag: number;
}

/** About 20,000 nodes: 4 environments x 60 DAGs x 12 tasks, 14 runs each with their task instances, shared assets. */
export const GRAPH_20K: SyntheticGraphSize = { envs: 4, dagsPerEnv: 60, tasksPerDag: 12, runsPerDag: 14 };
/** Twice as big: about 40,000 nodes and 100,000 relationships. */
export const GRAPH_40K: SyntheticGraphSize = { envs: 8, dagsPerEnv: 60, tasksPerDag: 12, runsPerDag: 14 };

const PATTERNS = 5;

/**
 * A deterministic lineage graph shaped like a real estate of Airflow
 * deployments: layered task chains with fan-out, assets chaining DAGs (some
 * URIs shared across environments), triggers, runs and task instances, and
 * the error patterns failed instances share.
 */
export function syntheticGraph(size: SyntheticGraphSize): EmbeddedGraph {
  const g = new EmbeddedGraph();
  for (let e = 0; e < size.envs; e += 1) {
    const envId = `env${e}`;
    g.addNode({ key: nodeKeys.environment(envId), label: 'Environment', props: { envId, name: envId } });
    g.addNode({ key: nodeKeys.host(envId, 'worker-1'), label: 'Host', props: { envId, name: 'worker-1' } });
    for (let p = 0; p < PATTERNS; p += 1) {
      const template = `RuntimeError: failure kind ${p} in <*>`;
      g.addNode({
        key: nodeKeys.errorPattern(envId, `p${p}`),
        label: 'ErrorPattern',
        props: { envId, patternId: `p${p}`, name: template, template, count: 10 },
      });
    }
    for (let d = 0; d < size.dagsPerEnv; d += 1) {
      const dagId = `dag_${d}`;
      const dagKey = nodeKeys.dag(envId, dagId);
      g.addNode({
        key: dagKey,
        label: 'Dag',
        props: { envId, dagId, name: dagId, failureRate: (d % 7) / 100, lastRunState: d % 9 === 0 ? 'failed' : 'success' },
      });
      g.addEdge('HAS_DAG', nodeKeys.environment(envId), dagKey);
      for (let t = 0; t < size.tasksPerDag; t += 1) {
        const taskId = `task_${t}`;
        const key = nodeKeys.task(envId, dagId, taskId);
        g.addNode({ key, label: 'Task', props: { envId, dagId, taskId, name: taskId, lastState: 'success', failureRate: 0 } });
        g.addEdge('HAS_TASK', dagKey, key);
        if (t > 0) g.addEdge('DEPENDS_ON', key, nodeKeys.task(envId, dagId, `task_${t - 1}`));
        if (t > 1 && t % 3 === 0) g.addEdge('DEPENDS_ON', key, nodeKeys.task(envId, dagId, `task_${t - 2}`));
      }
      // Each DAG publishes one asset, consumed by the next DAG; every tenth URI is shared by all environments.
      const uri = d % 10 === 0 ? `s3://shared/${d}` : `s3://${envId}/${d}`;
      g.addNode({ key: nodeKeys.asset(uri), label: 'Asset', props: { uri, name: uri } });
      g.addEdge('PRODUCES', nodeKeys.task(envId, dagId, `task_${size.tasksPerDag - 1}`), nodeKeys.asset(uri));
      if (d > 0) {
        const previous = (d - 1) % 10 === 0 ? `s3://shared/${d - 1}` : `s3://${envId}/${d - 1}`;
        g.addEdge('CONSUMES', dagKey, nodeKeys.asset(previous));
      }
      for (let r = 0; r < size.runsPerDag; r += 1) {
        const runId = `scheduled__${r}`;
        const runKey = nodeKeys.run(envId, dagId, runId);
        g.addNode({ key: runKey, label: 'DagRun', props: { envId, dagId, runId, name: runId, state: 'success' } });
        g.addEdge('RUN_OF', runKey, dagKey);
        for (let t = 0; t < size.tasksPerDag; t += 3) {
          const taskId = `task_${t}`;
          const tiKey = nodeKeys.instance(envId, dagId, runId, taskId, -1);
          const start = new Date(Date.UTC(2026, 0, 1, r, t)).toISOString();
          g.addNode({
            key: tiKey,
            label: 'TaskInstance',
            props: {
              envId,
              dagId,
              runId,
              taskId,
              name: taskId,
              state: t === 9 && r === 4 ? 'failed' : 'success',
              startDate: start,
              endDate: start,
            },
          });
          g.addEdge('INSTANCE_OF', tiKey, nodeKeys.task(envId, dagId, taskId));
          g.addEdge('IN_RUN', tiKey, runKey);
          g.addEdge('RAN_ON', tiKey, nodeKeys.host(envId, 'worker-1'));
          if (t === 9 && r === 4) g.addEdge('FAILED_WITH', tiKey, nodeKeys.errorPattern(envId, `p${d % PATTERNS}`));
        }
      }
    }
  }
  return g;
}
