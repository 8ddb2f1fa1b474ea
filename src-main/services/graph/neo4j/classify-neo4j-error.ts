import type { Neo4jProblem } from '../../../../src-shared/domain/neo4j';

export interface Neo4jFailure {
  problem: Neo4jProblem;
  message: string;
  hint: string;
}

const text = (error: unknown): string => (error instanceof Error ? error.message : String(error));
const codeOf = (error: unknown): string =>
  typeof error === 'object' && error !== null && 'code' in error ? String((error as { code: unknown }).code) : '';

/** Says precisely why a Neo4j connection failed, and what to do about it. */
export function classifyNeo4jError(error: unknown, url: string, database: string): Neo4jFailure {
  const code = codeOf(error);
  const message = text(error);
  if (code === 'Neo.ClientError.Security.Unauthorized' || code === 'Neo.ClientError.Security.AuthenticationRateLimit') {
    return {
      problem: 'auth',
      message: 'Neo4j refused the user name or password.',
      hint: 'Check the user and password (Neo4j Desktop: the password set when the database was created).',
    };
  }
  if (code === 'Neo.ClientError.Database.DatabaseNotFound') {
    return {
      problem: 'unknown_database',
      message: `Neo4j has no database "${database}".`,
      hint: 'Use an existing database (Community edition has only "neo4j"), or create it first.',
    };
  }
  if (/ECONNREFUSED/.test(message)) {
    return {
      problem: 'refused',
      message: `Nothing accepts connections at ${url}.`,
      hint: 'Start the database (Neo4j Desktop: Start), and check the host and the Bolt port (7687 by default).',
    };
  }
  if (/ENOTFOUND|EAI_AGAIN/.test(message)) {
    return { problem: 'host_not_found', message: `The host of ${url} cannot be found.`, hint: 'Check the host name.' };
  }
  if (/certificate|SSL|TLS|self.signed|wrong version number/i.test(message)) {
    return {
      problem: 'tls',
      message: `The encrypted connection failed: ${message}`,
      hint: 'Use bolt:// for a local database without TLS, or bolt+ssc:// for a self-signed certificate.',
    };
  }
  if (/timed? ?out|ETIMEDOUT/i.test(message)) {
    return { problem: 'timeout', message: `${url} did not answer in time.`, hint: 'Check the host, port and any firewall in between.' };
  }
  return { problem: 'other', message: `Neo4j: ${message.slice(0, 400)}`, hint: 'Check the URL, user and database name.' };
}
