import neo4j from 'neo4j-driver';
import type { Neo4jTestResult } from '../../../../src-shared/domain/neo4j';
import { classifyNeo4jError } from './classify-neo4j-error';
import { openDriver, type Neo4jConnection } from './open-driver';

/** The oldest Neo4j the sync and the saved queries (quantified path patterns) work with. */
export const MIN_VERSION: readonly [number, number] = [5, 9];

export function versionSupported(version: string): boolean {
  const [major = 0, minor = 0] = version.split('.').map((p) => Number.parseInt(p, 10));
  return major > MIN_VERSION[0] || (major === MIN_VERSION[0] && minor >= MIN_VERSION[1]);
}

/** Connects, authenticates, opens the database and reads its version. */
export async function testNeo4j(c: Neo4jConnection): Promise<Neo4jTestResult> {
  const driver = openDriver(c);
  // A plain session run, not executeQuery: a test must fail at once, not retry for 30 s.
  const session = driver.session({ database: c.database, defaultAccessMode: neo4j.session.READ });
  try {
    const { records } = await session.run('CALL dbms.components() YIELD name, versions, edition RETURN versions[0] AS version, edition');
    const version = String(records[0]?.get('version') ?? 'unknown');
    const edition = String(records[0]?.get('edition') ?? 'unknown');
    if (!versionSupported(version)) {
      return {
        ok: false,
        problem: 'version',
        message: `Neo4j ${version} is too old.`,
        hint: `Use Neo4j ${MIN_VERSION.join('.')} or newer.`,
      };
    }
    return { ok: true, version, edition, database: c.database };
  } catch (error) {
    return { ok: false, ...classifyNeo4jError(error, c.url, c.database) };
  } finally {
    await session.close();
    await driver.close();
  }
}
