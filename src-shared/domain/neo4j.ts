import { z } from 'zod';
import { IsoTime } from './ids';

export const Neo4jUrl = z
  .string()
  .min(1)
  .max(500)
  .regex(/^(neo4j|neo4j\+s|neo4j\+ssc|bolt|bolt\+s|bolt\+ssc):\/\/[^\s/]+\/?$/, 'a bolt:// or neo4j:// URL such as bolt://localhost:7687');

/** The Neo4j connection as entered in Settings; the password goes to the vault. */
export const Neo4jInput = z
  .object({
    url: Neo4jUrl,
    user: z.string().min(1).max(200),
    /** Omitted on edit to keep the stored password. */
    password: z.string().min(1).max(1000).optional(),
    database: z
      .string()
      .min(1)
      .max(63)
      .regex(/^[A-Za-z][A-Za-z0-9.-]*$/, 'letters, digits, "." and "-"')
      .default('neo4j'),
  })
  .strict();
export type Neo4jInput = z.infer<typeof Neo4jInput>;

export const Neo4jSyncSummary = z.object({
  at: IsoTime,
  nodes: z.number().int(),
  rels: z.number().int(),
  /** Nodes and relationships created, changed or removed. */
  written: z.number().int(),
  ms: z.number(),
});
export type Neo4jSyncSummary = z.infer<typeof Neo4jSyncSummary>;

/** What the UI may know: never the password, only whether one is stored. */
export const Neo4jStatus = z.object({
  configured: z.boolean(),
  url: z.string().nullable(),
  user: z.string().nullable(),
  database: z.string().nullable(),
  passwordConfigured: z.boolean(),
  lastSync: Neo4jSyncSummary.nullable(),
  syncing: z.boolean(),
});
export type Neo4jStatus = z.infer<typeof Neo4jStatus>;

export const Neo4jProblem = z.enum(['refused', 'host_not_found', 'timeout', 'tls', 'auth', 'unknown_database', 'version', 'other']);
export type Neo4jProblem = z.infer<typeof Neo4jProblem>;

export const Neo4jTestResult = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), version: z.string(), edition: z.string(), database: z.string() }),
  z.object({ ok: z.literal(false), problem: Neo4jProblem, message: z.string(), hint: z.string() }),
]);
export type Neo4jTestResult = z.infer<typeof Neo4jTestResult>;
