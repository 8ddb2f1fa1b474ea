import neo4j, { type Driver } from 'neo4j-driver';
import type { EmbeddedGraph } from '../embedded-graph';
import { BatchWriter, Neo4jSyncCancelled } from './batch-writer';
import { ensureSchema } from './ensure-schema';
import { planSize, planSync } from './sync-plan';
import { statements } from './statements';

export { Neo4jSyncCancelled } from './batch-writer';

export const SYNC_BATCH = 5_000;
/** Sessions writing at once: Neo4j 5 takes disjoint batches in parallel. */
export const SYNC_CONCURRENCY = 4;

export interface SyncOptions {
  database: string;
  signal?: AbortSignal;
  onProgress?: (done: number, total: number, message: string) => void;
  batchSize?: number;
  concurrency?: number;
}

export interface SyncOutcome {
  nodes: number;
  rels: number;
  nodesWritten: number;
  nodesCreated: number;
  nodesRemoved: number;
  relsCreated: number;
  relsRemoved: number;
  /** Everything created, changed or removed. */
  written: number;
  /** Sum of Neo4j's own update counters over every write (0 when nothing was written). */
  counterUpdates: number;
  ms: number;
  /** Where the time went, in ms: schema (constraints and indexes), plan (read back and compare), then each kind of write. */
  phases: Record<'schema' | 'plan' | 'nodes' | 'rels' | 'remove', number>;
}

/**
 * Brings Neo4j level with the embedded graph: missing constraints and indexes
 * first, then only what differs (compared by key and a hash of the
 * properties), written in batches of parameterized `UNWIND $rows` statements,
 * one transaction each, on several sessions at once: all nodes (new ones
 * return their element ids), then the relationships between them by those
 * ids, then stale relationships and nodes. Before each batch it checks for
 * cancellation.
 */
export async function syncToNeo4j(driver: Driver, graph: EmbeddedGraph, options: SyncOptions): Promise<SyncOutcome> {
  const started = performance.now();
  const { database } = options;
  const check = (): void => {
    if (options.signal?.aborted) throw new Neo4jSyncCancelled();
  };
  const phases = { schema: 0, plan: 0, nodes: 0, rels: 0, remove: 0 };
  let mark = started;
  const lap = (phase: keyof typeof phases): void => {
    const t = performance.now();
    phases[phase] += Math.round(t - mark);
    mark = t;
  };

  options.onProgress?.(0, 0, 'Creating constraints');
  const session = driver.session({ database, defaultAccessMode: neo4j.session.WRITE });
  try {
    await ensureSchema(session);
  } finally {
    await session.close();
  }
  check();
  lap('schema');
  options.onProgress?.(0, 0, 'Comparing with Neo4j');
  const plan = await planSync(driver, database, graph);
  check();
  lap('plan');

  const total = planSize(plan);
  let done = 0;
  const writer = new BatchWriter(driver, {
    database,
    batchSize: options.batchSize ?? SYNC_BATCH,
    concurrency: options.concurrency ?? SYNC_CONCURRENCY,
    signal: options.signal,
    onBatch: (rows, message) => {
      done += rows;
      options.onProgress?.(done, total, message);
    },
  });
  const remember = (records: readonly { get(key: string): unknown }[]): void => {
    for (const r of records) plan.ids.set(String(r.get('key')), String(r.get('id')));
  };
  await writer.write([
    ...plan.creates.map((c) => ({
      text: statements.createNodes(c.label),
      rows: c.rows.map((r) => ({ key: r.key, props: r.props })),
      message: `Writing ${c.label} nodes`,
      onRecords: remember,
    })),
    ...plan.updates.map((u) => ({
      text: statements.updateNodes(u.label),
      rows: u.rows.map((r) => ({ key: r.key, props: r.props })),
      message: `Updating ${u.label} nodes`,
    })),
  ]);
  lap('nodes');
  const idOf = (key: string): string => {
    const id = plan.ids.get(key);
    if (id === undefined) throw new Error(`Neo4j holds no node with key ${key.slice(0, 200)}`);
    return id;
  };
  await writer.write(
    plan.relCreates.map((c) => ({
      text: statements.createRels(c.type),
      rows: c.rows.map((r) => ({ from: idOf(r.from), to: idOf(r.to) })),
      message: `Linking ${c.type}`,
    })),
  );
  lap('rels');
  await writer.write(
    plan.relDeletes.map((d) => ({ text: statements.deleteRels(d.type), rows: d.rows, message: `Removing stale ${d.type}` })),
  );
  await writer.write(
    plan.nodeDeletes.map((d) => ({ text: statements.deleteNodes(d.label), rows: d.keys, message: `Removing stale ${d.label} nodes` })),
  );
  lap('remove');

  const nodesCreated = plan.creates.reduce((a, u) => a + u.rows.length, 0);
  return {
    nodes: plan.nodes,
    rels: plan.rels,
    nodesWritten: nodesCreated + plan.updates.reduce((a, u) => a + u.rows.length, 0),
    nodesCreated,
    nodesRemoved: plan.nodeDeletes.reduce((a, d) => a + d.keys.length, 0),
    relsCreated: plan.relCreates.reduce((a, c) => a + c.rows.length, 0),
    relsRemoved: plan.relDeletes.reduce((a, c) => a + c.rows.length, 0),
    written: total,
    counterUpdates: writer.counterUpdates,
    ms: Math.round(performance.now() - started),
    phases,
  };
}
