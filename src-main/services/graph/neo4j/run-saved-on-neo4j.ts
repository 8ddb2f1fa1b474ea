import neo4j, { type Driver } from 'neo4j-driver';
import type { QueryResult } from '../../../../src-shared/domain/graph-query';
import type { SavedQueryDef } from '../queries/saved-query-def';
import { runCypher } from './run-cypher';

/** Runs a saved question on Neo4j, read-only, with its values as parameters (integers as Cypher integers). */
export async function runSavedOnNeo4j(
  driver: Driver,
  database: string,
  def: SavedQueryDef,
  params: Record<string, string | number>,
  timeoutMs: number,
): Promise<QueryResult> {
  const bound: Record<string, unknown> = {};
  for (const p of def.params) bound[p.name] = p.kind === 'int' ? neo4j.int(Number(params[p.name])) : params[p.name];
  const outcome = await runCypher(driver, database, {
    cypher: def.cypher,
    params: bound,
    allowWrite: false,
    confirmWrite: false,
    timeoutMs,
  });
  if (outcome.status === 'error') throw new SavedQueryFailed(outcome.error.message);
  return outcome.result;
}

export class SavedQueryFailed extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SavedQueryFailed';
  }
}
