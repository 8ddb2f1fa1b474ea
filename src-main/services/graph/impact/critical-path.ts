import { ApiError } from '../../../../src-shared/api/errors';
import type { CriticalPath, CriticalStep } from '../../../../src-shared/domain/impact';
import type { EmbeddedGraph } from '../embedded-graph';
import type { NodeProps } from '../graph-model';
import { nodeKeys } from '../node-keys';

const ms = (iso: unknown): number | null => (typeof iso === 'string' ? Date.parse(iso) : null);
const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);

interface Instance {
  taskId: string;
  props: NodeProps;
  end: number;
  start: number;
}

/**
 * The critical path of a run: from the task instance that ended last, walk
 * back each time to the upstream instance that ended last (the one it waited
 * for). Its durations and the waits between them add up to the run's length.
 */
export function criticalPath(graph: EmbeddedGraph, envId: string, dagId: string, runId: string): CriticalPath {
  const runKey = nodeKeys.run(envId, dagId, runId);
  if (!graph.node(runKey)) {
    throw new ApiError(
      'not_found',
      `Run "${runId}" is not in the lineage graph.`,
      'The graph keeps recent runs and failed runs of the last 30 days.',
    );
  }
  const byTask = new Map<string, Instance[]>();
  for (const key of graph.inFrom(runKey, 'IN_RUN')) {
    const props = graph.node(key)?.props ?? {};
    const end = ms(props.endDate);
    const start = ms(props.startDate);
    if (end === null || start === null) continue;
    const taskId = String(props.taskId);
    const list = byTask.get(taskId) ?? [];
    list.push({ taskId, props, end, start });
    byTask.set(taskId, list);
  }
  const latestOf = (taskIds: readonly string[]): Instance | null => {
    let best: Instance | null = null;
    for (const t of taskIds) for (const i of byTask.get(t) ?? []) if (best === null || i.end > best.end) best = i;
    return best;
  };
  const chain: Instance[] = [];
  const visited = new Set<string>();
  let current = latestOf([...byTask.keys()]);
  while (current !== null && !visited.has(current.taskId)) {
    visited.add(current.taskId);
    chain.unshift(current);
    const upstream = graph.outTo(nodeKeys.task(envId, dagId, current.taskId), 'DEPENDS_ON').map((k) => String(graph.node(k)?.props.taskId));
    current = latestOf(upstream);
  }
  const steps: CriticalStep[] = chain.map((i, index) => {
    const before = chain[index - 1];
    return {
      taskId: i.taskId,
      mapIndex: typeof i.props.mapIndex === 'number' ? i.props.mapIndex : -1,
      state: String(i.props.state),
      startDate: str(i.props.startDate),
      endDate: str(i.props.endDate),
      durationS: Math.round((i.end - i.start) / 100) / 10,
      waitS: before ? Math.max(0, Math.round((i.start - before.end) / 100) / 10) : 0,
    };
  });
  const first = chain[0];
  const last = chain[chain.length - 1];
  return { runKey, steps, totalS: first && last ? Math.round((last.end - first.start) / 100) / 10 : 0 };
}
