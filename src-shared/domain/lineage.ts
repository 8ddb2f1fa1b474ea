import { z } from 'zod';
import { DagId, EnvId, IsoTime, TaskId } from './ids';
import { GraphNodeLabel, NodeKey, PropValue } from './graph';

/** What the lineage view shows. */
export const LineageScope = z.discriminatedUnion('kind', [
  /** One DAG's tasks. */
  z.object({ kind: z.literal('dag'), dagId: DagId }).strict(),
  /** One DAG's tasks with the DAGs and assets around it. */
  z.object({ kind: z.literal('neighbours'), dagId: DagId }).strict(),
  /** An asset's producers and consumers, N DAG hops up and down. */
  z.object({ kind: z.literal('asset'), uri: z.string().min(1).max(2000), depth: z.number().int().min(1).max(10).default(2) }).strict(),
  /** The whole environment: DAGs and assets, tasks when expanded. */
  z.object({ kind: z.literal('environment'), expand: z.boolean().default(false) }).strict(),
  /** Several environments side by side; an asset URI they share is one node that joins them. */
  z.object({ kind: z.literal('environments'), envIds: z.array(EnvId).min(1).max(20), expand: z.boolean().default(false) }).strict(),
]);
export type LineageScope = z.infer<typeof LineageScope>;

export const LineageNodeKind = z.enum(['dag', 'task', 'asset']);
export type LineageNodeKind = z.infer<typeof LineageNodeKind>;

export const LineageNode = z.object({
  key: NodeKey,
  kind: LineageNodeKind,
  name: z.string(),
  envId: EnvId.nullable(),
  dagId: z.string().nullable(),
  /** Last run state of a DAG, last task instance state of a task; null for assets or never run. */
  state: z.string().nullable(),
  lastRunAt: IsoTime.nullable(),
  failureRate: z.number().nullable(),
  /** Task group of a task, for grouping in the view. */
  group: z.string().nullable(),
  /** Set on DAG nodes of neighbouring DAGs shown collapsed. */
  collapsed: z.boolean(),
  /** The node key of a task's DAG, so the view can fold the task into it. */
  dagKey: NodeKey.nullable().optional(),
});
export type LineageNode = z.infer<typeof LineageNode>;

export const LineageEdgeKind = z.enum(['task', 'produces', 'consumes', 'triggers']);
export type LineageEdgeKind = z.infer<typeof LineageEdgeKind>;

/** Edges point in the direction data flows: upstream to downstream. */
export const LineageEdge = z.object({ from: NodeKey, to: NodeKey, kind: LineageEdgeKind });
export type LineageEdge = z.infer<typeof LineageEdge>;

export const LineageGraph = z.object({
  nodes: z.array(LineageNode),
  edges: z.array(LineageEdge),
  /** True when the scope was cut to keep the view readable. */
  truncated: z.boolean(),
});
export type LineageGraph = z.infer<typeof LineageGraph>;

export const NodeNeighbour = z.object({
  rel: z.string(),
  direction: z.enum(['out', 'in']),
  key: NodeKey,
  label: GraphNodeLabel,
  name: z.string(),
});

export const NodeInstance = z.object({
  runId: z.string(),
  taskId: TaskId.nullable(),
  state: z.string(),
  startDate: IsoTime.nullable(),
  durationS: z.number().nullable(),
  hostname: z.string().nullable(),
});

export const LineageNodeDetail = z.object({
  key: NodeKey,
  label: GraphNodeLabel,
  name: z.string(),
  envId: EnvId.nullable(),
  dagId: z.string().nullable(),
  props: z.record(z.string(), PropValue),
  neighbours: z.array(NodeNeighbour),
  /** Recent runs (DAG) or task instances (task), newest first. */
  recent: z.array(NodeInstance),
});
export type LineageNodeDetail = z.infer<typeof LineageNodeDetail>;
