/** Smoke test: the Neo4j peer from test/env/global-setup.ts accepts Bolt with auth. */
import neo4j from 'neo4j-driver';
import { describe, expect, inject, it } from 'vitest';

const peers = inject('peers');
const n = peers.neo4j;

describe.skipIf(!n)('Neo4j peer (smoke)', () => {
  it('listens on loopback Bolt', () => {
    expect(n!.boltUrl).toMatch(/^bolt:\/\/127\.0\.0\.1:\d+$/);
    expect(n!.user).toBe('neo4j');
  });

  it('runs RETURN 1 with the right password', async () => {
    const driver = neo4j.driver(n!.boltUrl, neo4j.auth.basic(n!.user, n!.password));
    try {
      const { records } = await driver.executeQuery('RETURN 1 AS one');
      expect(records[0]?.get('one').toNumber()).toBe(1);
    } finally {
      await driver.close();
    }
  });

  it('fails with an auth error for a wrong password', async () => {
    const driver = neo4j.driver(n!.boltUrl, neo4j.auth.basic(n!.user, 'wrong-password'));
    try {
      await expect(driver.executeQuery('RETURN 1')).rejects.toMatchObject({
        code: 'Neo.ClientError.Security.Unauthorized',
      });
    } finally {
      await driver.close();
    }
  });
});
