import { z } from 'zod';
import { defineRequest } from '../define';
import { GraphCounts, NodeKey } from '../../domain/graph';
import { CypherOutcome, QueryParamValue, QueryResult, SavedQuery } from '../../domain/graph-query';
import { DagId, EnvId, IsoTime, RunId, TaskId } from '../../domain/ids';
import { CriticalPath, DownstreamImpact, OrphanAssets, PauseBlastRadius, UpstreamCandidates } from '../../domain/impact';
import { LineageGraph, LineageNodeDetail, LineageScope } from '../../domain/lineage';
import { Neo4jInput, Neo4jStatus, Neo4jTestResult } from '../../domain/neo4j';

const Depth = z.number().int().min(1).max(20);

export const graphRequests = {
  'graph.summary': defineRequest(
    'Node and relationship counts of the embedded lineage graph, and the Neo4j connection state',
    z.object({}).strict(),
    z.object({ graph: GraphCounts, neo4j: Neo4jStatus }),
    { scope: 'app', reads: ['graph', 'environments', 'dags', 'runs', 'task_instances'] },
  ),
  'lineage.view': defineRequest(
    'DAGs, tasks and assets of a scope with their edges in data-flow direction, for the lineage view',
    z
      .object({
        envId: EnvId,
        scope: LineageScope,
        /** DAGs (node keys) to show with their tasks although the scope shows them collapsed. */
        expandDags: z.array(NodeKey).max(500).default([]),
      })
      .strict(),
    LineageGraph,
    { scope: 'environment', reads: ['graph', 'environments', 'dags', 'runs', 'task_instances'] },
  ),
  'lineage.node': defineRequest(
    'One node of the lineage graph: its properties, neighbours and recent runs',
    z.object({ key: NodeKey }).strict(),
    LineageNodeDetail,
    { scope: 'app', reads: ['graph', 'environments', 'dags', 'runs', 'task_instances'] },
  ),
  'lineage.assets': defineRequest(
    'Asset URIs seen in an environment, for the asset scope picker',
    z.object({ envId: EnvId }).strict(),
    z.array(z.object({ key: NodeKey, uri: z.string(), name: z.string() })),
    { scope: 'environment', reads: ['graph', 'environments', 'dags'] },
  ),
  'impact.downstream': defineRequest(
    'Everything downstream of a DAG, task or asset, across DAGs and environments',
    z.object({ key: NodeKey, depth: Depth.default(6) }).strict(),
    DownstreamImpact,
    { scope: 'app', reads: ['graph', 'environments', 'dags'] },
  ),
  'impact.upstream': defineRequest(
    'What failed or changed upstream of a task shortly before a failure',
    z
      .object({
        envId: EnvId,
        dagId: DagId,
        taskId: TaskId,
        at: IsoTime.optional(),
        windowHours: z
          .number()
          .int()
          .min(1)
          .max(24 * 14)
          .default(24),
        depth: Depth.default(6),
      })
      .strict(),
    UpstreamCandidates,
    { scope: 'environment', reads: ['graph', 'environments', 'dags', 'runs', 'task_instances'] },
  ),
  'impact.criticalPath': defineRequest(
    'The chain of task instances that set the duration of a run',
    z.object({ envId: EnvId, dagId: DagId, runId: RunId }).strict(),
    CriticalPath,
    { scope: 'app', reads: ['graph', 'environments', 'dags', 'runs', 'task_instances'] },
  ),
  'impact.pauseDag': defineRequest(
    'The DAGs and assets that would miss input or stop if a DAG were paused',
    z.object({ envId: EnvId, dagId: DagId }).strict(),
    PauseBlastRadius,
    { scope: 'app', reads: ['graph', 'environments', 'dags'] },
  ),
  'impact.orphans': defineRequest(
    'Assets produced but never consumed, and consumed but never produced',
    z.object({}).strict(),
    OrphanAssets,
    { scope: 'app', reads: ['graph', 'environments', 'dags'] },
  ),
  'graph.savedQueries': defineRequest(
    'The library of saved graph questions with their Cypher',
    z.object({}).strict(),
    z.array(SavedQuery),
    { scope: 'app', reads: [] },
  ),
  'graph.runSaved': defineRequest(
    'Answer a saved question: from Neo4j when one is configured, else from the embedded graph',
    z
      .object({
        id: z.string().min(1).max(100),
        params: z.record(z.string().max(100), QueryParamValue).default({}),
        source: z.enum(['auto', 'embedded', 'neo4j']).default('auto'),
      })
      .strict(),
    QueryResult,
    { scope: 'app', reads: ['graph', 'environments', 'dags', 'runs', 'task_instances'] },
  ),
  'graph.cypher': defineRequest(
    'Run Cypher on the configured Neo4j: read-only unless writes are switched on and confirmed',
    z
      .object({
        cypher: z.string().min(1).max(20_000),
        params: z.record(z.string().max(100), z.json()).default({}),
        allowWrite: z.boolean().default(false),
        confirmWrite: z.boolean().default(false),
        timeoutMs: z.number().int().min(100).max(120_000).default(15_000),
      })
      .strict(),
    CypherOutcome,
    { scope: 'app', changes: ['graph'] },
  ),
  'neo4j.status': defineRequest('The Neo4j connection (never its password) and its last sync', z.object({}).strict(), Neo4jStatus, {
    scope: 'app',
    reads: ['graph', 'jobs'],
  }),
  'neo4j.test': defineRequest(
    'Test a Neo4j connection: the saved one, or a draft before saving it',
    z.union([z.object({}).strict(), z.object({ draft: Neo4jInput }).strict()]),
    Neo4jTestResult,
    { scope: 'app', reads: [] },
  ),
  'neo4j.save': defineRequest(
    'Test a Neo4j connection and, only when the test passes, save it with its password',
    Neo4jInput,
    z.object({ status: Neo4jStatus, test: Neo4jTestResult }),
    { scope: 'app', changes: ['graph'] },
  ),
  'neo4j.remove': defineRequest('Forget the Neo4j connection and its password', z.object({}).strict(), Neo4jStatus, {
    scope: 'app',
    changes: ['graph'],
  }),
  'neo4j.sync': defineRequest('Sync the lineage graph to Neo4j (incremental)', z.object({}).strict(), z.object({ jobId: z.string() }), {
    scope: 'app',
    changes: ['jobs'],
  }),
  'neo4j.cancel': defineRequest('Stop a running Neo4j sync', z.object({}).strict(), z.object({ cancelled: z.boolean() }), {
    scope: 'app',
    changes: ['jobs'],
  }),
} as const;
