import { z } from 'zod';

/** A value in a result cell: JSON, with nodes, relationships and paths tagged by `$kind`. */
export const QueryCell = z.json();
export type QueryCell = z.infer<typeof QueryCell>;

export const QueryTable = z.object({
  columns: z.array(z.string()),
  rows: z.array(z.array(QueryCell)),
});
export type QueryTable = z.infer<typeof QueryTable>;

export const QuerySource = z.enum(['embedded', 'neo4j']);
export type QuerySource = z.infer<typeof QuerySource>;

export const QueryResult = QueryTable.extend({
  source: QuerySource,
  ms: z.number(),
  /** Rows were cut at the console's limit. */
  truncated: z.boolean(),
  queryType: z.string().nullable(),
  /** Neo4j's update counters, for write queries. */
  updates: z.record(z.string(), z.number()).nullable(),
});
export type QueryResult = z.infer<typeof QueryResult>;

/** A console failure the user can act on: a syntax error shows where it is. */
export const QueryFailure = z.object({
  code: z.string(),
  message: z.string(),
  line: z.number().int().nullable(),
  column: z.number().int().nullable(),
});
export type QueryFailure = z.infer<typeof QueryFailure>;

export const CypherOutcome = z.discriminatedUnion('status', [
  z.object({ status: z.literal('ok'), result: QueryResult }),
  z.object({ status: z.literal('error'), error: QueryFailure }),
]);
export type CypherOutcome = z.infer<typeof CypherOutcome>;

export const SavedQueryParam = z.object({
  name: z.string(),
  kind: z.enum(['string', 'int', 'time']),
  description: z.string(),
  default: z.union([z.string(), z.number()]).nullable(),
  /** For `int`: the smallest and largest value the query accepts. */
  min: z.number().int().optional(),
  max: z.number().int().optional(),
});
export type SavedQueryParam = z.infer<typeof SavedQueryParam>;

export const SavedQuery = z.object({
  id: z.string(),
  title: z.string(),
  description: z.string(),
  cypher: z.string(),
  params: z.array(SavedQueryParam),
});
export type SavedQuery = z.infer<typeof SavedQuery>;

export const QueryParamValue = z.union([z.string().max(2000), z.number()]);
