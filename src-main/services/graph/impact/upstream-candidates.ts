import { ApiError } from '../../../../src-shared/api/errors';
import type { UpstreamCandidates, UpstreamChange, UpstreamFailure } from '../../../../src-shared/domain/impact';
import type { EmbeddedGraph } from '../embedded-graph';
import { upstreamSteps, walk } from '../flow';
import { nodeKeys } from '../node-keys';

/** Task instance states that point at a cause (upstream_failed only repeats one). */
export const CAUSE_STATES: readonly string[] = ['failed', 'up_for_retry'];

export interface UpstreamQuery {
  envId: string;
  dagId: string;
  taskId: string;
  from: string;
  at: string;
  depth: number;
}

const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);

/** When a task instance ended, else started: the instant compared with the window. */
export function instantOf(props: Readonly<Record<string, unknown>>): string | null {
  return str(props.endDate) ?? str(props.startDate);
}

/**
 * The upstream candidates for a failure: tasks upstream (across DAGs through
 * assets and triggers) whose instances failed within [from, at], and upstream
 * DAGs whose version changed in that window.
 */
export function upstreamCandidates(graph: EmbeddedGraph, q: UpstreamQuery): UpstreamCandidates {
  const start = nodeKeys.task(q.envId, q.dagId, q.taskId);
  if (!graph.node(start))
    throw new ApiError(
      'not_found',
      `Task "${q.taskId}" of DAG "${q.dagId}" is not in the lineage graph.`,
      'Sync the environment, or check the ids.',
    );
  const reached = walk(graph, start, q.depth, upstreamSteps);
  const failures: UpstreamFailure[] = [];
  const changes: UpstreamChange[] = [];
  for (const r of reached) {
    const node = graph.node(r.key);
    if (node?.label === 'Task') {
      const hits = graph
        .inFrom(r.key, 'INSTANCE_OF')
        .map((k) => graph.node(k)?.props ?? {})
        .filter((p) => CAUSE_STATES.includes(String(p.state)))
        .map((p) => instantOf(p))
        .filter((t): t is string => t !== null && t >= q.from && t <= q.at);
      if (hits.length > 0) {
        failures.push({
          key: r.key,
          envId: String(node.props.envId),
          dagId: String(node.props.dagId),
          taskId: String(node.props.taskId),
          distance: r.depth,
          failures: hits.length,
          lastFailureAt: hits.reduce((a, b) => (b > a ? b : a)),
        });
      }
    } else if (node?.label === 'Dag') {
      const change = versionChange(graph, r.key, q.from, q.at);
      if (change) changes.push({ envId: String(node.props.envId), dagId: String(node.props.dagId), distance: r.depth, ...change });
    }
  }
  failures.sort(compareFailures);
  changes.sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : a.distance - b.distance));
  return { from: q.from, at: q.at, failures, changes };
}

export function compareFailures(a: UpstreamFailure, b: UpstreamFailure): number {
  if (a.lastFailureAt !== b.lastFailureAt) return a.lastFailureAt < b.lastFailureAt ? 1 : -1;
  if (a.distance !== b.distance) return a.distance - b.distance;
  return a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
}

function versionChange(
  graph: EmbeddedGraph,
  dagKey: string,
  from: string,
  at: string,
): Omit<UpstreamChange, 'envId' | 'dagId' | 'distance'> | null {
  const runs = graph
    .inFrom(dagKey, 'RUN_OF')
    .map((k) => graph.node(k)?.props ?? {})
    .filter((p) => typeof p.at === 'string' && typeof p.dagVersion === 'string' && p.at <= at)
    .sort((a, b) => (String(a.at) < String(b.at) ? -1 : 1));
  let latest: Omit<UpstreamChange, 'envId' | 'dagId' | 'distance'> | null = null;
  for (let i = 1; i < runs.length; i += 1) {
    const before = runs[i - 1];
    const run = runs[i];
    if (before && run && run.dagVersion !== before.dagVersion && String(run.at) >= from) {
      latest = { at: String(run.at), fromVersion: str(before.dagVersion), toVersion: String(run.dagVersion) };
    }
  }
  return latest;
}
