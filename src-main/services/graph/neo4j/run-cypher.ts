import neo4j, { type Driver, type ManagedTransaction, type Record as Neo4jRecord } from 'neo4j-driver';
import type { CypherOutcome, QueryResult } from '../../../../src-shared/domain/graph-query';
import { cypherFailure } from './cypher-failure';
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
 * first (EXPLAIN) so a write is refused with a clear message before it runs.
 */
export async function runCypher(driver: Driver, database: string, req: CypherRequest): Promise<CypherOutcome> {
  if (req.allowWrite && !req.confirmWrite) return refused('confirm_needed', 'Writes are switched on but not confirmed.');
  const started = performance.now();
  const session = driver.session({ database, defaultAccessMode: req.allowWrite ? neo4j.session.WRITE : neo4j.session.READ });
  try {
    if (!req.allowWrite) {
      const plan = await session.executeRead((tx) => tx.run(`EXPLAIN ${req.cypher}`, req.params), { timeout: req.timeoutMs });
      const type = plan.summary.queryType;
      if (type !== 'r') {
        return refused('write_refused', 'This query writes to the database, and the console is read-only. Switch on writes and confirm to run it.');
      }
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
