import neo4j, { type Driver } from 'neo4j-driver';

export interface Neo4jConnection {
  url: string;
  user: string;
  password: string;
  database: string;
}

/** A driver that returns plain numbers and fails fast when the server is away. */
export function openDriver(c: Neo4jConnection): Driver {
  return neo4j.driver(c.url, neo4j.auth.basic(c.user, c.password), {
    disableLosslessIntegers: true,
    connectionTimeout: 5_000,
    connectionAcquisitionTimeout: 10_000,
    maxConnectionPoolSize: 8,
    logging: { level: 'error', logger: () => undefined },
  });
}
