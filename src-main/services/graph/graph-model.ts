import type { GraphNodeLabel, GraphRelType, PropValue } from '../../../src-shared/domain/graph';

export type { GraphNodeLabel, GraphRelType, PropValue };

export type NodeProps = Readonly<Record<string, PropValue>>;

/** A node of the embedded graph; `key` is its identity here and in Neo4j. Props never hold null. */
export interface GraphNode {
  readonly key: string;
  readonly label: GraphNodeLabel;
  readonly props: NodeProps;
}

export interface GraphEdge {
  readonly type: GraphRelType;
  readonly from: string;
  readonly to: string;
}

/** Which labels each relationship type joins (docs/graph-model.md; the build keeps to it, a unit test checks). */
export const relEnds: Readonly<Record<GraphRelType, readonly { from: GraphNodeLabel; to: GraphNodeLabel }[]>> = {
  HAS_DAG: [{ from: 'Environment', to: 'Dag' }],
  HAS_TASK: [{ from: 'Dag', to: 'Task' }],
  DEPENDS_ON: [{ from: 'Task', to: 'Task' }],
  PRODUCES: [
    { from: 'Task', to: 'Asset' },
    { from: 'Dag', to: 'Asset' },
  ],
  CONSUMES: [
    { from: 'Task', to: 'Asset' },
    { from: 'Dag', to: 'Asset' },
  ],
  TRIGGERS: [{ from: 'Task', to: 'Dag' }],
  RUN_OF: [{ from: 'DagRun', to: 'Dag' }],
  INSTANCE_OF: [{ from: 'TaskInstance', to: 'Task' }],
  IN_RUN: [{ from: 'TaskInstance', to: 'DagRun' }],
  FAILED_WITH: [{ from: 'TaskInstance', to: 'ErrorPattern' }],
  OWNED_BY: [{ from: 'Dag', to: 'Owner' }],
  TAGGED: [{ from: 'Dag', to: 'Tag' }],
  RAN_ON: [{ from: 'TaskInstance', to: 'Host' }],
  IN_POOL: [{ from: 'Task', to: 'Pool' }],
};

/** Copies props without nulls or undefined (Neo4j has no null properties). */
export function compactProps(props: Record<string, PropValue | undefined>): NodeProps {
  const out: Record<string, PropValue> = {};
  for (const [name, value] of Object.entries(props)) {
    if (value !== null && value !== undefined) out[name] = value;
  }
  return out;
}
