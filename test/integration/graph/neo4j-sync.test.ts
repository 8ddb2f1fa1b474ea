import Database from 'better-sqlite3';
import neo4j, { type Driver } from 'neo4j-driver';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { CACHE_FILE_NAME } from '../../../src-main/engine/create-engine';
import { savedQueries } from '../../../src-main/services/graph/queries/saved-queries';
import { demoEngine, scoringDone, syncAndWait, type Caller } from './graph-engine';

const peer = inject('peers').neo4j;

/** Parameters that make every saved question answer something on the Demo. */
const PARAMS: Record<string, Record<string, string | number>> = {
  'downstream-of-task': { envId: 'demo', dagId: 'returns_snapshot_hourly', taskId: 'extract_returns', depth: 8 },
  'downstream-of-asset': { uri: 's3://lake/returns/hourly', depth: 8 },
  'upstream-failures': { envId: 'demo', dagId: 'marketing_publish', taskId: 'dq_check_campaigns', from: '2025-05-01T00:00:00Z', depth: 8 },
  'pause-blast-radius': { envId: 'demo', dagId: 'marketing_ingest_hourly' },
  'dags-sharing-failing-host': { failedSince: '2025-05-01T00:00:00Z' },
  'shared-error-patterns': { failedSince: '2025-05-01T00:00:00Z' },
};

const HOSTILE_DAG = `x"}) MATCH (m) DETACH DELETE m //`;
const HOSTILE_TASK = `t'}) DETACH DELETE n RETURN 1 //`;

describe.skipIf(!peer)('lineage graph in the harness Neo4j', () => {
  let call: Caller;
  let close: () => Promise<void>;
  let dataDir: string;
  let driver: Driver;

  const count = async (cypher: string): Promise<number> => {
    const { records } = await driver.executeQuery(cypher, {}, { routing: 'READ' });
    return Number(records[0]?.get(0) ?? 0);
  };
  const neo4jCounts = async (): Promise<{ nodes: Record<string, number>; rels: Record<string, number> }> => {
    const nodes: Record<string, number> = {};
    const rels: Record<string, number> = {};
    for (const r of (await driver.executeQuery('MATCH (n) RETURN labels(n)[0] AS label, count(*) AS n')).records)
      nodes[String(r.get('label'))] = Number(r.get('n'));
    for (const r of (await driver.executeQuery('MATCH ()-[x]->() RETURN type(x) AS type, count(*) AS n')).records)
      rels[String(r.get('type'))] = Number(r.get('n'));
    return { nodes, rels };
  };
  const embeddedCounts = async (): Promise<{ nodes: Record<string, number>; rels: Record<string, number> }> => {
    const { graph } = await call('graph.summary', {});
    return {
      nodes: Object.fromEntries(graph.nodes.filter((n) => n.count > 0).map((n) => [n.label, n.count])),
      rels: Object.fromEntries(graph.rels.filter((r) => r.count > 0).map((r) => [r.type, r.count])),
    };
  };

  beforeAll(async () => {
    const app = await demoEngine();
    ({ call, close, dataDir } = app);
    // The error patterns come from the Demo's first scoring: the graph is compared once it is done.
    await scoringDone(call);
    driver = neo4j.driver(peer!.boltUrl, neo4j.auth.basic(peer!.user, peer!.password), { disableLosslessIntegers: true });
    await driver.executeQuery('MATCH (n) DETACH DELETE n');
  });

  afterAll(async () => {
    await driver?.close();
    await close?.();
  });

  it('tests a connection precisely: auth, unknown database, refused', async () => {
    const base = { url: peer!.boltUrl, user: peer!.user, password: peer!.password };
    expect(await call('neo4j.test', { draft: { ...base, password: 'wrong-password' } })).toMatchObject({ ok: false, problem: 'auth' });
    expect(await call('neo4j.test', { draft: { ...base, database: 'nosuchdb' } })).toMatchObject({
      ok: false,
      problem: 'unknown_database',
    });
    expect(await call('neo4j.test', { draft: { ...base, url: 'bolt://127.0.0.1:1' } })).toMatchObject({ ok: false, problem: 'refused' });
    expect(await call('neo4j.test', { draft: base })).toMatchObject({ ok: true, version: expect.stringMatching(/^5\./) });
  });

  it('saves the connection with the password in the vault, never in the status', async () => {
    const saved = await call('neo4j.save', { url: peer!.boltUrl, user: peer!.user, password: peer!.password, database: 'neo4j' });
    expect(saved.test.ok).toBe(true);
    expect(saved.status).toMatchObject({ configured: true, passwordConfigured: true });
    expect(JSON.stringify(saved)).not.toContain(peer!.password);
  });

  it('syncs the Demo graph: counts by label and type equal the embedded graph', async () => {
    const job = await syncAndWait(call);
    expect(job.state).toBe('done');
    expect(await neo4jCounts()).toEqual(await embeddedCounts());
    expect(await count('SHOW CONSTRAINTS YIELD name WHERE name STARTS WITH "orc_" RETURN count(*)')).toBe(11);
    expect(await count('MATCH (:TaskInstance)-[:FAILED_WITH]->(:ErrorPattern) RETURN count(*)')).toBeGreaterThan(0);
  });

  it('writes nothing on a second sync', async () => {
    const job = await syncAndWait(call);
    expect(job.message).toBe('Neo4j is up to date');
    expect((await call('neo4j.status', {})).lastSync?.written).toBe(0);
  });

  it('answers every saved query in Neo4j exactly as the embedded graph does', async () => {
    for (const q of savedQueries) {
      const params = PARAMS[q.id] ?? {};
      const embedded = await call('graph.runSaved', { id: q.id, params, source: 'embedded' });
      const fromNeo4j = await call('graph.runSaved', { id: q.id, params, source: 'neo4j' });
      expect(fromNeo4j.source).toBe('neo4j');
      expect({ id: q.id, columns: fromNeo4j.columns, rows: fromNeo4j.rows }).toEqual({
        id: q.id,
        columns: embedded.columns,
        rows: embedded.rows,
      });
    }
    const down = await call('graph.runSaved', { id: 'downstream-of-task', params: PARAMS['downstream-of-task'] });
    expect(down.rows.some((r) => r[1] === 'Asset')).toBe(true);
    expect(down.rows.some((r) => r[1] === 'Dag' && r[3] === 'returns_mart_refresh')).toBe(true);
    const shared = await call('graph.runSaved', { id: 'shared-error-patterns', params: PARAMS['shared-error-patterns'], source: 'neo4j' });
    expect(new Set(shared.rows.map((r) => r[4])).size).toBeGreaterThan(1);
  });

  it('stores hostile DAG and task ids as plain values; a hostile parameter matches nothing', async () => {
    const db = new Database(join(dataDir, CACHE_FILE_NAME));
    db.prepare("INSERT INTO dags (env_id, dag_id, owners_json, tags_json) VALUES ('demo', ?, '[]', '[]')").run(HOSTILE_DAG);
    db.prepare("INSERT INTO tasks (env_id, dag_id, task_id, downstream_json) VALUES ('demo', ?, ?, '[]')").run(HOSTILE_DAG, HOSTILE_TASK);
    db.close();
    expect((await syncAndWait(call)).state).toBe('done');
    expect(await neo4jCounts()).toEqual(await embeddedCounts());
    const { records } = await driver.executeQuery('MATCH (t:Task {dagId: $d}) RETURN t.taskId AS id', { d: HOSTILE_DAG });
    expect(records.map((r) => r.get('id'))).toEqual([HOSTILE_TASK]);
    const before = await neo4jCounts();
    const hostile = await call('graph.runSaved', {
      id: 'downstream-of-task',
      params: { envId: 'demo', dagId: `' OR 1=1 WITH 1 AS x MATCH (n) DETACH DELETE n //`, taskId: '"}) DETACH DELETE n //', depth: 3 },
    });
    expect(hostile.rows).toEqual([]);
    expect(await neo4jCounts()).toEqual(before);
  });

  it('removes stale nodes when a DAG leaves the cache', async () => {
    const db = new Database(join(dataDir, CACHE_FILE_NAME));
    db.prepare("UPDATE dags SET deleted_at = '2025-06-02T00:00:00Z' WHERE env_id = 'demo' AND dag_id = ?").run(HOSTILE_DAG);
    db.close();
    expect((await syncAndWait(call)).state).toBe('done');
    expect(await count('MATCH (d:Dag) WHERE d.dagId STARTS WITH "x\\"" RETURN count(d)')).toBe(0);
    expect(await neo4jCounts()).toEqual(await embeddedCounts());
  });

  it('refuses a console write without the switch, runs reads, and shows where a syntax error is', async () => {
    const write = await call('graph.cypher', { cypher: 'CREATE (n:Evil {x: 1}) RETURN n' });
    expect(write).toMatchObject({ status: 'error', error: { code: 'write_refused' } });
    const unconfirmed = await call('graph.cypher', { cypher: 'CREATE (n:Evil {x: 1}) RETURN n', allowWrite: true });
    expect(unconfirmed).toMatchObject({ status: 'error', error: { code: 'confirm_needed' } });
    expect(await count('MATCH (n:Evil) RETURN count(n)')).toBe(0);

    const read = await call('graph.cypher', {
      cypher: 'MATCH (d:Dag {dagId: $id}) RETURN d, d.dagId AS id',
      params: { id: 'marketing_publish' },
    });
    expect(read.status).toBe('ok');
    if (read.status === 'ok') {
      expect(read.result.columns).toEqual(['d', 'id']);
      expect(read.result.rows[0]?.[0]).toMatchObject({ $kind: 'node', labels: ['Dag'] });
    }
    const bad = await call('graph.cypher', { cypher: 'MATCH (n RETURN n' });
    expect(bad).toMatchObject({ status: 'error', error: { line: 1, column: expect.any(Number) } });

    const confirmed = await call('graph.cypher', {
      cypher: 'CREATE (n:Evil {x: 1}) RETURN n.x AS x',
      allowWrite: true,
      confirmWrite: true,
    });
    expect(confirmed).toMatchObject({ status: 'ok', result: { updates: expect.objectContaining({ nodesCreated: 1 }) } });
    await driver.executeQuery('MATCH (n:Evil) DELETE n');
  });

  it('read-only console: refuses LOAD CSV and administration, runs SHOW, reading procedures and PROFILE', async () => {
    const csv = await call('graph.cypher', { cypher: "LOAD CSV FROM 'file:///etc/passwd' AS line RETURN line LIMIT 1" });
    expect(csv).toMatchObject({ status: 'error', error: { code: 'load_csv_refused' } });
    const url = await call('graph.cypher', { cypher: "MATCH (d:Dag) WITH d LIMIT 1 LOAD CSV FROM 'http://127.0.0.1:9/x' AS l RETURN l" });
    expect(url).toMatchObject({ status: 'error', error: { code: 'load_csv_refused' } });
    const terminate = await call('graph.cypher', { cypher: "TERMINATE TRANSACTIONS 'neo4j-transaction-1'" });
    expect(terminate).toMatchObject({ status: 'error', error: { code: 'admin_refused' } });
    const composed = await call('graph.cypher', { cypher: 'SHOW TRANSACTIONS YIELD transactionId AS id TERMINATE TRANSACTIONS id' });
    expect(composed).toMatchObject({ status: 'error', error: { code: 'admin_refused' } });
    const user = await call('graph.cypher', { cypher: "CREATE USER mallory SET PASSWORD 'not-a-secret-123'" });
    expect(user).toMatchObject({ status: 'error', error: { code: 'admin_refused' } });
    const setConfig = await call('graph.cypher', { cypher: "CALL dbms.setConfigValue('db.logs.query.enabled', 'OFF')" });
    expect(setConfig.status).toBe('error'); // write_refused on Enterprise; Community has no such procedure
    const createLabel = await call('graph.cypher', { cypher: "CALL db.createLabel('Evil')" });
    expect(createLabel).toMatchObject({ status: 'error', error: { code: 'write_refused' } });

    const databases = await call('graph.cypher', { cypher: 'SHOW DATABASES' });
    expect(databases.status).toBe('ok');
    if (databases.status === 'ok') expect(databases.result.columns).toContain('name');
    const components = await call('graph.cypher', { cypher: 'CALL dbms.components()' });
    expect(components.status).toBe('ok');
    const config = await call('graph.cypher', { cypher: "CALL dbms.listConfig('db.logs.query.enabled')" });
    expect(config.status).toBe('ok');
    const labels = await call('graph.cypher', { cypher: 'CALL db.labels() YIELD label RETURN label' });
    expect(labels.status).toBe('ok');
    const profile = await call('graph.cypher', { cypher: 'PROFILE MATCH (d:Dag) RETURN count(d) AS n' });
    expect(profile).toMatchObject({ status: 'ok', result: { columns: ['n'] } });
    const quoted = await call('graph.cypher', { cypher: "MATCH (d:Dag) WHERE d.dagId <> 'LOAD CSV' RETURN count(d) AS n // TERMINATE" });
    expect(quoted.status).toBe('ok');
  });
});
