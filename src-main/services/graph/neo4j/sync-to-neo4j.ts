import neo4j, { type Driver } from 'neo4j-driver';
import { GraphNodeLabel } from '../../../../src-shared/domain/graph';
import type { EmbeddedGraph } from '../embedded-graph';
import { planSize, planSync } from './sync-plan';
import { indexes, statements } from './statements';

export const SYNC_BATCH = 5_000;

export class Neo4jSyncCancelled extends Error {
  constructor() {
    super('The Neo4j sync was cancelled.');
    this.name = 'Neo4jSyncCancelled';
  }
}

export interface SyncOptions {
  database: string;
  signal?: AbortSignal;
  onProgress?: (done: number, total: number, message: string) => void;
  batchSize?: number;
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
}

/**
 * Brings Neo4j level with the embedded graph: constraints and indexes first,
 * then only what differs (compared by key and a hash of the properties),
 * written in batches of parameterized `UNWIND $rows` statements, one
 * transaction each, stale relationships and nodes removed last. Between
 * batches it yields and checks for cancellation.
 */
export async function syncToNeo4j(driver: Driver, graph: EmbeddedGraph, options: SyncOptions): Promise<SyncOutcome> {
  const started = performance.now();
  const batch = options.batchSize ?? SYNC_BATCH;
  const session = driver.session({ database: options.database, defaultAccessMode: neo4j.session.WRITE });
  const check = (): void => {
    if (options.signal?.aborted) throw new Neo4jSyncCancelled();
  };
  let counterUpdates = 0;
  try {
    options.onProgress?.(0, 0, 'Creating constraints');
    for (const label of GraphNodeLabel.options) await session.run(statements.constraint(label));
    for (const text of indexes) await session.run(text);
    check();
    options.onProgress?.(0, 0, 'Comparing with Neo4j');
    const plan = await planSync(session, graph);
    const total = planSize(plan);
    let done = 0;
    const write = async (text: string, rows: readonly unknown[], message: string): Promise<void> => {
      for (let i = 0; i < rows.length; i += batch) {
        check();
        const slice = rows.slice(i, i + batch);
        const result = await session.executeWrite((tx) => tx.run(text, { rows: slice }));
        counterUpdates += Object.values(result.summary.counters.updates()).reduce((a, b) => a + b, 0);
        done += slice.length;
        options.onProgress?.(done, total, message);
        await new Promise((resolve) => setImmediate(resolve));
      }
    };
    for (const c of plan.creates) await write(statements.createNodes(c.label), c.rows.map((r) => ({ props: r.props })), `Writing ${c.label} nodes`);
    for (const u of plan.updates) await write(statements.updateNodes(u.label), u.rows.map((r) => ({ key: r.key, props: r.props })), `Updating ${u.label} nodes`);
    for (const c of plan.relCreates) await write(statements.createRels(c.type, c.from, c.to), c.rows, `Linking ${c.type}`);
    for (const d of plan.relDeletes) await write(statements.deleteRels(d.type, d.from, d.to), d.rows, `Removing stale ${d.type}`);
    for (const d of plan.nodeDeletes) await write(statements.deleteNodes(d.label), d.keys, `Removing stale ${d.label} nodes`);
    const nodesCreated = plan.creates.reduce((a, u) => a + u.rows.length, 0);
    const nodesWritten = nodesCreated + plan.updates.reduce((a, u) => a + u.rows.length, 0);
    const relsCreated = plan.relCreates.reduce((a, c) => a + c.rows.length, 0);
    const relsRemoved = plan.relDeletes.reduce((a, c) => a + c.rows.length, 0);
    const nodesRemoved = plan.nodeDeletes.reduce((a, d) => a + d.keys.length, 0);
    return {
      nodes: plan.nodes,
      rels: plan.rels,
      nodesWritten,
      nodesCreated,
      nodesRemoved,
      relsCreated,
      relsRemoved,
      written: total,
      counterUpdates,
      ms: Math.round(performance.now() - started),
    };
  } finally {
    await session.close();
  }
}
