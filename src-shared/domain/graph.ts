import { z } from 'zod';
import { EnvId, IsoTime } from './ids';

/** Node labels of the lineage knowledge graph (docs/graph-model.md). */
export const GraphNodeLabel = z.enum([
  'Environment',
  'Dag',
  'Task',
  'Asset',
  'DagRun',
  'TaskInstance',
  'ErrorPattern',
  'Owner',
  'Tag',
  'Host',
  'Pool',
]);
export type GraphNodeLabel = z.infer<typeof GraphNodeLabel>;

/** Relationship types of the lineage knowledge graph. */
export const GraphRelType = z.enum([
  'HAS_DAG',
  'HAS_TASK',
  'DEPENDS_ON',
  'PRODUCES',
  'CONSUMES',
  'TRIGGERS',
  'RUN_OF',
  'INSTANCE_OF',
  'IN_RUN',
  'FAILED_WITH',
  'OWNED_BY',
  'TAGGED',
  'RAN_ON',
  'IN_POOL',
]);
export type GraphRelType = z.infer<typeof GraphRelType>;

/** A node's stable identity in both the embedded graph and Neo4j (property `key`). */
export const NodeKey = z.string().min(1).max(2000);

export const GraphCounts = z.object({
  builtAt: IsoTime.nullable(),
  buildMs: z.number(),
  nodes: z.array(z.object({ label: GraphNodeLabel, count: z.number().int() })),
  rels: z.array(z.object({ type: GraphRelType, count: z.number().int() })),
});
export type GraphCounts = z.infer<typeof GraphCounts>;

/** One node reached by an impact question. */
export const ImpactItem = z.object({
  key: NodeKey,
  label: GraphNodeLabel,
  name: z.string(),
  envId: EnvId.nullable(),
  dagId: z.string().nullable(),
  depth: z.number().int(),
  /** The node it was reached from (null for the start's direct neighbours' parent). */
  via: NodeKey.nullable(),
});
export type ImpactItem = z.infer<typeof ImpactItem>;

export const PropValue = z.union([z.string(), z.number(), z.boolean(), z.array(z.string()), z.null()]);
export type PropValue = z.infer<typeof PropValue>;
