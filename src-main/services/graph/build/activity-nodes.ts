import type { EmbeddedGraph } from '../embedded-graph';
import { compactProps } from '../graph-model';
import { nodeKeys } from '../node-keys';
import type { GraphWindow } from './graph-window';
import type { ActivityReader } from '../../history/activity-reads';

/** DagRun and TaskInstance nodes of the recent window (failed runs for longer), and the hosts they ran on. */
export function addActivity(graph: EmbeddedGraph, reader: ActivityReader, envId: string, w: GraphWindow): void {
  for (const run of reader.runsOf(envId, w)) {
    const key = nodeKeys.run(envId, run.dag_id, run.run_id);
    graph.addNode({
      key,
      label: 'DagRun',
      props: compactProps({
        envId,
        dagId: run.dag_id,
        runId: run.run_id,
        name: run.run_id,
        state: run.state,
        runType: run.run_type,
        startDate: run.start_date,
        endDate: run.end_date,
        durationS: run.duration_s,
        dagVersion: run.dag_version,
        at: run.at,
      }),
    });
    graph.addEdge('RUN_OF', key, nodeKeys.dag(envId, run.dag_id));
  }
  for (const ti of reader.instancesOf(envId, w)) {
    const key = nodeKeys.instance(envId, ti.dag_id, ti.run_id, ti.task_id, ti.map_index);
    const hostname = ti.hostname === null || ti.hostname === '' ? null : ti.hostname;
    graph.addNode({
      key,
      label: 'TaskInstance',
      props: compactProps({
        envId,
        dagId: ti.dag_id,
        runId: ti.run_id,
        taskId: ti.task_id,
        mapIndex: ti.map_index,
        name: ti.map_index >= 0 ? `${ti.task_id}[${ti.map_index}]` : ti.task_id,
        state: ti.state,
        tryNumber: ti.try_number,
        startDate: ti.start_date,
        endDate: ti.end_date,
        durationS: ti.duration_s,
        hostname,
      }),
    });
    graph.addEdge('INSTANCE_OF', key, nodeKeys.task(envId, ti.dag_id, ti.task_id));
    graph.addEdge('IN_RUN', key, nodeKeys.run(envId, ti.dag_id, ti.run_id));
    if (hostname !== null) {
      const hostKey = nodeKeys.host(envId, hostname);
      graph.addNode({ key: hostKey, label: 'Host', props: { envId, name: hostname } });
      graph.addEdge('RAN_ON', key, hostKey);
    }
  }
}
