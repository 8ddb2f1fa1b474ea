import neo4j, { type Driver, type ManagedTransaction, type Record as Neo4jRecord, type Session } from 'neo4j-driver';
import type { CypherOutcome, QueryResult } from '../../../../src-shared/domain/graph-query';
import { cypherFailure } from './cypher-failure';
import { isReadingDbmsProcedure, readOnlyVerdict } from './read-only-statement';
import { toCell } from './to-cell';

export const MAX_ROWS = 1_000;

export interface CypherRequest {
  cypher: string;
  params: Record<string, unknown>;
  allowWrite: boolean;
  confirmWrite: boolean;
  timeoutMs: number;
}

const refused = (code: string, message: string): CypherOutcome => ({ status: 'error', error: { code, message, line: null, column: null } });

/**
 * The console: every query runs in a READ transaction (Neo4j itself refuses
 * writes there) unless writes are switched on and confirmed. It is planned
 * first (EXPLAIN) so a write is refused with a clear message before it runs;
 * `LOAD CSV` and administration commands are refused, `SHOW …` and reading
 * procedures run, `PROFILE` is planned on its body and run as written.
 */
export async function runCypher(driver: Driver, database: string, req: CypherRequest): Promise<CypherOutcome> {
  if (req.allowWrite && !req.confirmWrite) return refused('confirm_needed', 'Writes are switched on but not confirmed.');
  const started = performance.now();
  const session = driver.session({ database, defaultAccessMode: req.allowWrite ? neo4j.session.WRITE : neo4j.session.READ });
  try {
    if (!req.allowWrite) {
      const refusal = await readOnlyRefusal(session, req);
      if (refusal !== null) return refusal;
    }
    const work = async (tx: ManagedTransaction) => {
      const result = tx.run(req.cypher, req.params);
      const keys = (await result.keys()).map(String);
      const records: Neo4jRecord[] = [];
      let truncated = false;
      for await (const record of result) {
        if (records.length >= MAX_ROWS) {
          truncated = true;
          break;
        }
        records.push(record);
      }
      const summary = truncated ? null : await result.summary();
      return { records, truncated, summary, keys };
    };
    const config = { timeout: req.timeoutMs };
    const out = req.allowWrite ? await session.executeWrite(work, config) : await session.executeRead(work, config);
    const columns = out.keys;
    const updates = out.summary ? out.summary.counters.updates() : null;
    const result: QueryResult = {
      source: 'neo4j',
      ms: Math.round(performance.now() - started),
      columns,
      rows: out.records.map((r) => columns.map((c) => toCell(r.get(c)))),
      truncated: out.truncated,
      queryType: out.summary?.queryType ?? null,
      updates: updates && Object.values(updates).some((v) => v > 0) ? { ...updates } : null,
    };
    return { status: 'ok', result };
  } catch (error) {
    return { status: 'error', error: cypherFailure(error) };
  } finally {
    await session.close();
  }
}

const WRITE_REFUSED = 'This query writes to the database, and the console is read-only. Switch on writes and confirm to run it.';

/** Why the read-only console does not run this statement, or null when it may. */
async function readOnlyRefusal(session: Session, req: CypherRequest): Promise<CypherOutcome | null> {
  const verdict = readOnlyVerdict(req.cypher);
  const config = { timeout: req.timeoutMs };
  switch (verdict.kind) {
    case 'refuse':
      return refused(verdict.code, verdict.message);
    case 'show':
      return null;
    case 'procedure': {
      const found = await session.executeRead(
        (tx) => tx.run('SHOW PROCEDURES YIELD name, mode WHERE name = $name RETURN mode', { name: verdict.name }),
        config,
      );
      const mode = found.records[0]?.get('mode');
      if (mode === undefined) return refused('unknown_procedure', `There is no procedure named ${verdict.name} on this database.`);
      return mode === 'READ' || (mode === 'DBMS' && isReadingDbmsProcedure(verdict.name)) ? null : refused('write_refused', WRITE_REFUSED);
    }
    case 'query': {
      const plan = await session.executeRead((tx) => tx.run(`EXPLAIN ${verdict.body}`, req.params), config);
      return plan.summary.queryType === 'r' ? null : refused('write_refused', WRITE_REFUSED);
    }
  }
}
