import { GraphNodeLabel, GraphRelType } from '../../../../src-shared/domain/graph';

/**
 * Every Cypher statement of the sync is fixed text. Labels and relationship
 * types cannot be parameters in Cypher, so they come from the model's own
 * enums (checked here), never from data; all values travel as `$rows`.
 */
function name(value: string): string {
  if (!/^[A-Z][A-Za-z_]*$/.test(value) || !(GraphNodeLabel.options as readonly string[]).concat(GraphRelType.options).includes(value)) {
    throw new Error(`not a model name: ${value}`);
  }
  return value;
}

/** What the sync owns: nodes with a `key` and one of the model's labels, and relationships between them. */
export const readOwnedNodes = 'MATCH (n) WHERE n.key IS NOT NULL RETURN labels(n) AS labels, n.key AS key, n.hash AS hash';
export const readOwnedRels =
  'MATCH (a)-[r]->(b) WHERE a.key IS NOT NULL AND b.key IS NOT NULL RETURN type(r) AS type, labels(a) AS from, labels(b) AS to, a.key AS fromKey, b.key AS toKey';

export const statements = {
  constraint: (label: GraphNodeLabel) => `CREATE CONSTRAINT orc_${name(label).toLowerCase()}_key IF NOT EXISTS FOR (n:${name(label)}) REQUIRE n.key IS UNIQUE`,
  /** New nodes: the diff knows they are missing, so CREATE (the unique constraint still guards the key). */
  createNodes: (label: GraphNodeLabel) => `UNWIND $rows AS r CREATE (n:${name(label)}) SET n = r.props`,
  updateNodes: (label: GraphNodeLabel) => `UNWIND $rows AS r MATCH (n:${name(label)} {key: r.key}) SET n = r.props`,
  deleteNodes: (label: GraphNodeLabel) => `UNWIND $rows AS k MATCH (n:${name(label)} {key: k}) DETACH DELETE n`,
  createRels: (type: GraphRelType, from: GraphNodeLabel, to: GraphNodeLabel) =>
    `UNWIND $rows AS r MATCH (a:${name(from)} {key: r.from}) MATCH (b:${name(to)} {key: r.to}) CREATE (a)-[:${name(type)}]->(b)`,
  deleteRels: (type: GraphRelType, from: GraphNodeLabel, to: GraphNodeLabel) =>
    `UNWIND $rows AS r MATCH (a:${name(from)} {key: r.from})-[x:${name(type)}]->(b:${name(to)} {key: r.to}) DELETE x`,
};

/** Lookup indexes the saved queries start from. */
export const indexes: readonly string[] = [
  'CREATE INDEX orc_dag_lookup IF NOT EXISTS FOR (n:Dag) ON (n.envId, n.dagId)',
  'CREATE INDEX orc_task_lookup IF NOT EXISTS FOR (n:Task) ON (n.envId, n.dagId, n.taskId)',
  'CREATE INDEX orc_asset_uri IF NOT EXISTS FOR (n:Asset) ON (n.uri)',
  'CREATE INDEX orc_run_lookup IF NOT EXISTS FOR (n:DagRun) ON (n.envId, n.dagId, n.runId)',
  'CREATE INDEX orc_instance_state IF NOT EXISTS FOR (n:TaskInstance) ON (n.state)',
];
