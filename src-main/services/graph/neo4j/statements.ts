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

/**
 * What the sync owns: nodes with one of the model's labels and a `key`, and
 * relationships between such nodes. Relationships are read back by the
 * element ids of their ends; the node read says which ids are owned and
 * which key each holds (so no property is read per relationship).
 */
export const readOwnedNodes =
  'MATCH (n) WHERE n.key IS NOT NULL RETURN labels(n) AS labels, n.key AS key, n.hash AS hash, elementId(n) AS id';
export const readOwnedRels = 'MATCH (a)-[r]->(b) RETURN type(r) AS type, elementId(a) AS from, elementId(b) AS to';

export const statements = {
  /** New nodes: the diff knows they are missing, so CREATE (the unique constraint still guards the key); their ids link the relationships. */
  createNodes: (label: GraphNodeLabel) =>
    `UNWIND $rows AS r CREATE (n:${name(label)}) SET n = r.props RETURN r.key AS key, elementId(n) AS id`,
  updateNodes: (label: GraphNodeLabel) => `UNWIND $rows AS r MATCH (n:${name(label)} {key: r.key}) SET n = r.props`,
  deleteNodes: (label: GraphNodeLabel) => `UNWIND $rows AS k MATCH (n:${name(label)} {key: k}) DETACH DELETE n`,
  /** Both ends by element id (read back or just created in this sync): no index lookup per row. */
  createRels: (type: GraphRelType) =>
    `UNWIND $rows AS r MATCH (a) WHERE elementId(a) = r.from MATCH (b) WHERE elementId(b) = r.to CREATE (a)-[:${name(type)}]->(b)`,
  deleteRels: (type: GraphRelType) =>
    `UNWIND $rows AS r MATCH (a)-[x:${name(type)}]->(b) WHERE elementId(a) = r.from AND elementId(b) = r.to DELETE x`,
};

/** Constraints (a unique `key` per label) and the lookup indexes the saved queries start from, by name. */
export const schemaStatements: readonly { name: string; text: string }[] = [
  ...GraphNodeLabel.options.map((label) => {
    const constraint = `orc_${name(label).toLowerCase()}_key`;
    return { name: constraint, text: `CREATE CONSTRAINT ${constraint} IF NOT EXISTS FOR (n:${name(label)}) REQUIRE n.key IS UNIQUE` };
  }),
  { name: 'orc_dag_lookup', text: 'CREATE INDEX orc_dag_lookup IF NOT EXISTS FOR (n:Dag) ON (n.envId, n.dagId)' },
  { name: 'orc_task_lookup', text: 'CREATE INDEX orc_task_lookup IF NOT EXISTS FOR (n:Task) ON (n.envId, n.dagId, n.taskId)' },
  { name: 'orc_asset_uri', text: 'CREATE INDEX orc_asset_uri IF NOT EXISTS FOR (n:Asset) ON (n.uri)' },
  { name: 'orc_run_lookup', text: 'CREATE INDEX orc_run_lookup IF NOT EXISTS FOR (n:DagRun) ON (n.envId, n.dagId, n.runId)' },
  { name: 'orc_instance_state', text: 'CREATE INDEX orc_instance_state IF NOT EXISTS FOR (n:TaskInstance) ON (n.state)' },
];
