import type { EmbeddedGraph } from '../embedded-graph';
import { downstreamSteps, walk } from '../flow';
import { byDepthThenKey } from '../impact/impact-item';
import { reachedDagsAndAssets, BLAST_STEPS } from '../impact/pause-blast-radius';
import { upstreamCandidates } from '../impact/upstream-candidates';
import { nodeKeys } from '../node-keys';
import { DOWNSTREAM_STEP, MAX_WALK, UPSTREAM_STEP, str, type ParamValues, type SavedQueryDef } from './saved-query-def';

// The whole walk by default: a task's consumers sit several steps away (task → asset → DAG → its tasks).
const depthParam = {
  name: 'depth',
  kind: 'int',
  description: `how many data-flow steps to follow (1 to ${MAX_WALK})`,
  default: MAX_WALK,
  min: 1,
  max: MAX_WALK,
} as const;
const envParam = { name: 'envId', kind: 'string', description: 'environment (its name or id)', default: null } as const;
const dagParam = { name: 'dagId', kind: 'string', description: 'DAG id', default: null } as const;
const taskParam = { name: 'taskId', kind: 'string', description: 'task id', default: null } as const;

function downstreamRows(graph: EmbeddedGraph, start: string, depth: number): (string | number | null)[][] {
  if (!graph.node(start)) return [];
  return walk(graph, start, Math.min(depth, MAX_WALK), downstreamSteps)
    .sort(byDepthThenKey)
    .map((r) => {
      const n = graph.node(r.key);
      return [r.depth, n?.label ?? null, str(n?.props.envId), str(n?.props.name), r.key];
    });
}

const DOWNSTREAM_RETURN = `
WHERE n <> start AND length(p) <= $depth
WITH n, min(length(p)) AS depth
RETURN depth, labels(n)[0] AS label, n.envId AS envId, n.name AS name, n.key AS key
ORDER BY depth, key`;

export const downstreamOfTask: SavedQueryDef = {
  id: 'downstream-of-task',
  title: 'Downstream of a task',
  description: 'Every task, asset and DAG a task feeds, across DAGs (through assets and triggers) and environments.',
  cypher: `MATCH (start:Task {envId: $envId, dagId: $dagId, taskId: $taskId})
MATCH p = (start)${DOWNSTREAM_STEP}{1,${MAX_WALK}}(n)${DOWNSTREAM_RETURN}`,
  params: [envParam, dagParam, taskParam, depthParam],
  answer: (graph, p: ParamValues) => ({
    columns: ['depth', 'label', 'envId', 'name', 'key'],
    rows: downstreamRows(graph, nodeKeys.task(String(p.envId), String(p.dagId), String(p.taskId)), Number(p.depth)),
  }),
};

export const downstreamOfAsset: SavedQueryDef = {
  id: 'downstream-of-asset',
  title: 'Downstream of an asset',
  description: 'Every consumer of an asset and everything they feed in turn.',
  cypher: `MATCH (start:Asset {uri: $uri})
MATCH p = (start)${DOWNSTREAM_STEP}{1,${MAX_WALK}}(n)${DOWNSTREAM_RETURN}`,
  params: [{ name: 'uri', kind: 'string', description: 'asset URI', default: null }, depthParam],
  answer: (graph, p) => ({
    columns: ['depth', 'label', 'envId', 'name', 'key'],
    rows: downstreamRows(graph, nodeKeys.asset(String(p.uri)), Number(p.depth)),
  }),
};

export const upstreamFailures: SavedQueryDef = {
  id: 'upstream-failures',
  title: 'What failed upstream shortly before',
  description:
    'Upstream tasks (across DAGs) whose instances failed or went up for retry between "from" and "at": the candidates for a failure.',
  cypher: `MATCH (start:Task {envId: $envId, dagId: $dagId, taskId: $taskId})
MATCH p = (start)${UPSTREAM_STEP}{1,${MAX_WALK}}(u:Task)
WHERE u <> start AND length(p) <= $depth
WITH u, min(length(p)) AS distance
MATCH (ti:TaskInstance)-[:INSTANCE_OF]->(u)
WITH u, distance, ti, coalesce(ti.endDate, ti.startDate) AS t
WHERE ti.state IN ['failed', 'up_for_retry'] AND t >= $from AND t <= $at
RETURN u.envId AS envId, u.dagId AS dagId, u.taskId AS taskId, distance, count(ti) AS failures, max(t) AS lastFailureAt, u.key AS key
ORDER BY lastFailureAt DESC, distance, key`,
  params: [
    envParam,
    dagParam,
    taskParam,
    { name: 'from', kind: 'time', description: 'start of the window', default: null },
    { name: 'at', kind: 'time', description: 'when the failure happened', default: null },
    depthParam,
  ],
  answer: (graph, p) => {
    const result = upstreamCandidates(graph, {
      envId: String(p.envId),
      dagId: String(p.dagId),
      taskId: String(p.taskId),
      from: String(p.from),
      at: String(p.at),
      depth: Math.min(Number(p.depth), MAX_WALK),
    });
    return {
      columns: ['envId', 'dagId', 'taskId', 'distance', 'failures', 'lastFailureAt', 'key'],
      rows: result.failures.map((f) => [f.envId, f.dagId, f.taskId, f.distance, f.failures, f.lastFailureAt, f.key]),
    };
  },
};

export const pauseBlast: SavedQueryDef = {
  id: 'pause-blast-radius',
  title: 'Blast radius of pausing a DAG',
  description: 'The DAGs and assets downstream of a DAG: what misses input if it is paused.',
  cypher: `MATCH (start:Dag {envId: $envId, dagId: $dagId})
MATCH p = (start)${DOWNSTREAM_STEP}{1,${BLAST_STEPS}}(n)
WITH start, n, min(length(p)) AS steps
OPTIONAL MATCH (owner:Dag)-[:HAS_TASK]->(n)
WITH start, coalesce(owner, n) AS hit, steps
WHERE hit <> start AND (hit:Dag OR hit:Asset)
RETURN labels(hit)[0] AS label, hit.envId AS envId, hit.name AS name, min(steps) AS steps, hit.key AS key
ORDER BY steps, key`,
  params: [envParam, dagParam],
  answer: (graph, p) => {
    const reached = reachedDagsAndAssets(graph, nodeKeys.dag(String(p.envId), String(p.dagId)));
    const rows = [...reached]
      .map(([key, depth]) => ({ key, depth }))
      .sort(byDepthThenKey)
      .map(({ key, depth }) => {
        const n = graph.node(key);
        return [n?.label ?? null, str(n?.props.envId), str(n?.props.name), depth, key];
      });
    return {
      columns: ['label', 'envId', 'name', 'steps', 'key'],
      rows: graph.node(nodeKeys.dag(String(p.envId), String(p.dagId))) ? rows : [],
    };
  },
};
