import { cypherKeywords } from './cypher-keywords';

/** What the read-only console does with a statement before Neo4j plans it. */
export type ReadOnlyVerdict =
  | { kind: 'refuse'; code: 'load_csv_refused' | 'admin_refused'; message: string }
  | { kind: 'show' }
  | { kind: 'procedure'; name: string }
  | { kind: 'query'; profile: boolean; body: string };

/** Administration commands start with one of these (Neo4j 5 Cypher manual, "Administration"). */
const ADMIN_VERBS = new Set(['GRANT', 'DENY', 'REVOKE', 'START', 'STOP', 'ENABLE', 'DEALLOCATE', 'REALLOCATE', 'DRYRUN', 'RENAME']);
/** `CREATE`/`DROP`/`ALTER` followed by one of these is administration, not data. */
const ADMIN_OBJECTS = new Set([
  'USER',
  'USERS',
  'ROLE',
  'ROLES',
  'DATABASE',
  'DATABASES',
  'ALIAS',
  'COMPOSITE',
  'SERVER',
  'SERVERS',
  'CURRENT',
  'OR',
  'IMMUTABLE',
  'PRIVILEGE',
]);

const leadingPrefix = /^\s*(EXPLAIN|PROFILE)\b/i;

/**
 * Sorts a console statement for the read-only mode. Neo4j's READ transaction
 * refuses data writes by itself, but not everything a read-only console must
 * not do: `LOAD CSV` reads files and URLs on the server with the user's rights,
 * and administration commands (`TERMINATE TRANSACTIONS`, user and database
 * management) are not data writes. `SHOW …` commands and standalone procedure
 * calls are read-only candidates that `EXPLAIN` cannot plan; `PROFILE` is
 * planned with `EXPLAIN` on its body and then run as written.
 */
export function readOnlyVerdict(cypher: string): ReadOnlyVerdict {
  const written = cypherKeywords(cypher);
  const words = written.map((w) => w.toUpperCase());
  for (let i = 0; i + 1 < words.length; i += 1) {
    if (words[i] === 'LOAD' && words[i + 1] === 'CSV') {
      return {
        kind: 'refuse',
        code: 'load_csv_refused',
        message: 'LOAD CSV reads files and URLs from the database server; the read-only console does not run it.',
      };
    }
  }
  const adminMessage =
    'This is an administration command; the read-only console does not run it. Use Neo4j Browser or cypher-shell with an admin account.';
  if (words.includes('TERMINATE')) return { kind: 'refuse', code: 'admin_refused', message: adminMessage };
  const prefix = leadingPrefix.exec(cypher)?.[1]?.toUpperCase() ?? null;
  const statement = prefix === null ? words : words.slice(1);
  const [first, second] = statement;
  if (first === undefined) return { kind: 'query', profile: false, body: cypher };
  if (ADMIN_VERBS.has(first)) return { kind: 'refuse', code: 'admin_refused', message: adminMessage };
  if ((first === 'CREATE' || first === 'DROP' || first === 'ALTER') && second !== undefined && ADMIN_OBJECTS.has(second)) {
    return { kind: 'refuse', code: 'admin_refused', message: adminMessage };
  }
  if (first === 'SHOW' && prefix === null) return { kind: 'show' };
  if (
    first === 'CALL' &&
    prefix === null &&
    second !== undefined &&
    /^[A-Z_][\w]*(\.[\w]+)+$/.test(second) &&
    isStandaloneCall(statement)
  ) {
    return { kind: 'procedure', name: written[words.indexOf('CALL') + 1] ?? second };
  }
  const body = prefix === null ? cypher : cypher.replace(leadingPrefix, '');
  return { kind: 'query', profile: prefix === 'PROFILE', body };
}

/** `CALL db.labels()` or `CALL db.labels() YIELD label [WHERE …] [RETURN …]`, not a longer query around it. */
function isStandaloneCall(words: readonly string[]): boolean {
  const rest = words.slice(2);
  const clauses = rest.filter((w) =>
    ['MATCH', 'CREATE', 'MERGE', 'DELETE', 'DETACH', 'SET', 'REMOVE', 'CALL', 'FOREACH', 'UNWIND', 'WITH', 'LOAD'].includes(w),
  );
  return clauses.length === 0;
}

/** DBMS-mode procedures that only read (their names say so); the rest of that mode changes the server. */
export function isReadingDbmsProcedure(name: string): boolean {
  const last = name.split('.').pop() ?? '';
  return /^(list|show|get|components|info|queryJmx|ping|clientConfig)/i.test(last);
}
