import type { Session } from 'neo4j-driver';
import { schemaStatements } from './statements';

/**
 * Creates the constraints and lookup indexes the sync needs, only those that
 * are missing (one read when all exist), in one schema transaction. A
 * constraint is in force once created; the lookup indexes serve the saved
 * queries and may finish populating while the sync writes (its writes find
 * nodes by element id, never through them). Returns how many were created.
 */
export async function ensureSchema(session: Session): Promise<number> {
  const names = new Set<string>();
  for (const query of ['SHOW CONSTRAINTS YIELD name RETURN name', 'SHOW INDEXES YIELD name RETURN name']) {
    for (const r of (await session.executeRead((tx) => tx.run(query))).records) names.add(String(r.get('name')));
  }
  const missing = schemaStatements.filter((s) => !names.has(s.name));
  if (missing.length === 0) return 0;
  await session.executeWrite(async (tx) => {
    for (const s of missing) await tx.run(s.text);
  });
  return missing.length;
}
