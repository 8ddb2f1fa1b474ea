import { describe, expect, it } from 'vitest';
import { isReadingDbmsProcedure, readOnlyVerdict } from '../../../src-main/services/graph/neo4j/read-only-statement';

describe('read-only Cypher console: what runs before Neo4j plans it', () => {
  it('refuses LOAD CSV wherever it stands, but not the words inside strings or comments', () => {
    expect(readOnlyVerdict("load csv from 'file:///etc/passwd' as l return l")).toMatchObject({ kind: 'refuse', code: 'load_csv_refused' });
    expect(readOnlyVerdict("MATCH (n) WITH n LOAD\n  CSV FROM 'http://x' AS l RETURN l")).toMatchObject({
      kind: 'refuse',
      code: 'load_csv_refused',
    });
    expect(readOnlyVerdict("MATCH (n) WHERE n.q = 'LOAD CSV' RETURN n // LOAD CSV")).toMatchObject({ kind: 'query' });
    expect(readOnlyVerdict('MATCH (`LOAD CSV`) RETURN 1 /* TERMINATE */')).toMatchObject({ kind: 'query' });
  });

  it('refuses administration commands and lets data CREATE go to the planner', () => {
    for (const c of [
      'TERMINATE TRANSACTIONS "t-1"',
      'SHOW TRANSACTIONS YIELD transactionId TERMINATE TRANSACTIONS transactionId',
      'CREATE USER x SET PASSWORD "p"',
      'drop database foo',
      'GRANT ROLE admin TO x',
      'STOP DATABASE neo4j',
      'ALTER USER x SET PASSWORD "p"',
    ]) {
      expect(readOnlyVerdict(c)).toMatchObject({ kind: 'refuse', code: 'admin_refused' });
    }
    expect(readOnlyVerdict('CREATE (n:Evil) RETURN n')).toMatchObject({ kind: 'query', profile: false });
  });

  it('sends SHOW and standalone procedure calls their own way, and PROFILE to be planned on its body', () => {
    expect(readOnlyVerdict('SHOW DATABASES')).toEqual({ kind: 'show' });
    expect(readOnlyVerdict('CALL dbms.components()')).toEqual({ kind: 'procedure', name: 'dbms.components' });
    expect(readOnlyVerdict('CALL db.labels() YIELD label RETURN label')).toMatchObject({ kind: 'procedure' });
    expect(readOnlyVerdict('CALL db.labels() YIELD label MATCH (n) RETURN n')).toMatchObject({ kind: 'query' });
    expect(readOnlyVerdict('CALL { MATCH (n) RETURN n } RETURN n')).toMatchObject({ kind: 'query' });
    expect(readOnlyVerdict('PROFILE MATCH (n) RETURN n')).toEqual({ kind: 'query', profile: true, body: ' MATCH (n) RETURN n' });
  });

  it('tells reading DBMS procedures from those that change the server', () => {
    expect(isReadingDbmsProcedure('dbms.components')).toBe(true);
    expect(isReadingDbmsProcedure('dbms.listConfig')).toBe(true);
    expect(isReadingDbmsProcedure('dbms.setConfigValue')).toBe(false);
    expect(isReadingDbmsProcedure('dbms.killTransaction')).toBe(false);
  });
});
