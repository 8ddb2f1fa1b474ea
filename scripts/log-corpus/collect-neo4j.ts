/**
 * Starts the embedded Neo4j peer on loopback, runs ordinary and failing Cypher (syntax errors,
 * constraint violations, a wrong password), stops it and copies its logs (launcher output and the
 * files under its data directory) to $RAW/neo4j (default /tmp/log-corpus-raw/neo4j).
 *
 *   npx tsx scripts/log-corpus/collect-neo4j.ts
 */
import fs from 'node:fs';
import path from 'node:path';
import neo4j from 'neo4j-driver';
import { startNeo4j } from '../../test/env/neo4j';

const raw = path.join(process.env.RAW ?? '/tmp/log-corpus-raw', 'neo4j');

async function main(): Promise<void> {
  process.env.ORC_PEERS_KEEP_RUNS = '1';
  const n = await startNeo4j();
  try {
    const driver = neo4j.driver(n.boltUrl, neo4j.auth.basic(n.user, n.password));
    const session = driver.session();
    const statements = [
      'CREATE CONSTRAINT dag_id IF NOT EXISTS FOR (d:Dag) REQUIRE d.id IS UNIQUE',
      "CREATE (:Dag {id: 'a'}), (:Dag {id: 'b'})",
      "CREATE (:Dag {id: 'a'})",
      'MATCH (d:Dag RETURN d',
      'MATCH (d:Nope) RETURN d.x',
      'CALL db.nonexistent()',
      'RETURN 1/0',
      'UNWIND range(1, 2000) AS i CREATE (:Task {i: i})',
      'MATCH (t:Task) DETACH DELETE t',
    ];
    for (let round = 0; round < 3; round++) {
      for (const s of statements) await session.run(s).catch(() => undefined);
    }
    await session.close();
    await driver.close();
    for (let i = 0; i < 3; i++) {
      const bad = neo4j.driver(n.boltUrl, neo4j.auth.basic('neo4j', `wrong-${i}`));
      await bad.verifyConnectivity().catch(() => undefined);
      await bad.close();
    }
  } finally {
    await n.stop();
  }
  fs.rmSync(raw, { recursive: true, force: true });
  fs.mkdirSync(raw, { recursive: true });
  const runDir = path.dirname(n.home);
  const files = [
    ...Object.values(n.logs),
    ...fs
      .readdirSync(n.home, { recursive: true, encoding: 'utf8' })
      .filter((f) => f.endsWith('.log'))
      .map((f) => path.join(n.home, f)),
  ];
  for (const file of files) fs.copyFileSync(file, path.join(raw, path.basename(file)));
  fs.rmSync(runDir, { recursive: true, force: true });
  console.log(`copied ${files.length} files to ${raw}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
