import type { Driver } from 'neo4j-driver';
import { loadavg } from 'node:os';
import { criticalPath } from '../../src-main/services/graph/impact/critical-path';
import { downstreamOf } from '../../src-main/services/graph/impact/downstream';
import { orphanAssets } from '../../src-main/services/graph/impact/orphan-assets';
import { pauseBlastRadius } from '../../src-main/services/graph/impact/pause-blast-radius';
import { upstreamCandidates } from '../../src-main/services/graph/impact/upstream-candidates';
import { openDriver } from '../../src-main/services/graph/neo4j/open-driver';
import { syncToNeo4j, type SyncOutcome } from '../../src-main/services/graph/neo4j/sync-to-neo4j';
import { nodeKeys } from '../../src-main/services/graph/node-keys';
import { layoutGraph } from '../../src-renderer/features/lineage/layout-graph';
import { startNeo4j } from '../../test/env/neo4j';
import { figure, type BenchEntry, type BenchFigure } from '../figure';
import { GRAPH_20K, GRAPH_40K, syntheticGraph } from '../graph/synthetic-graph';
import { syntheticView } from '../graph/synthetic-view';

const REPEAT = 15;

/** Median and slowest of REPEAT runs after one warm-up (the slowest shows GC pauses on a busy machine). */
function timings(run: () => unknown): { median: number; max: number } {
  run();
  const times: number[] = [];
  for (let i = 0; i < REPEAT; i += 1) {
    const t = performance.now();
    run();
    times.push(performance.now() - t);
  }
  times.sort((x, y) => x - y);
  const r = (v: number): number => Math.round(v * 100) / 100;
  return { median: r(times[Math.floor(times.length / 2)] ?? 0), max: r(times[times.length - 1] ?? 0) };
}

const round = (v: number, digits = 1): number => Math.round(v * 10 ** digits) / 10 ** digits;
const syncRate = (o: SyncOutcome): number => Math.round((o.nodes + o.rels) / (o.ms / 1000));

/** Deletes every node; with `schema`, the sync's constraints and indexes too (a new database). */
async function emptyDatabase(driver: Driver, schema: boolean): Promise<void> {
  const session = driver.session({ database: 'neo4j' });
  try {
    await session.run('MATCH (n) CALL { WITH n DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS');
    if (!schema) return;
    for (const r of (await session.run("SHOW CONSTRAINTS YIELD name WHERE name STARTS WITH 'orc_'")).records)
      await session.run(`DROP CONSTRAINT ${String(r.get('name'))}`);
    for (const r of (await session.run("SHOW INDEXES YIELD name WHERE name STARTS WITH 'orc_'")).records)
      await session.run(`DROP INDEX ${String(r.get('name'))}`);
  } finally {
    await session.close();
  }
}

/** Embedded impact queries on a 20,000-node graph, Neo4j sync rate, and layout time of 2,000 nodes / 5,000 edges. */
const entry: BenchEntry = {
  name: 'graph',
  async run(): Promise<BenchFigure[]> {
    const graph = syntheticGraph(GRAPH_20K);
    const figures: BenchFigure[] = [
      figure('embedded graph nodes', graph.nodeCount, 'nodes'),
      figure('embedded graph relationships', graph.edgeCount, 'rels'),
    ];
    const queries: [string, () => unknown][] = [
      ['downstream of a DAG, depth 20', () => downstreamOf(graph, nodeKeys.dag('env0', 'dag_0'), 20)],
      ['downstream of a task, depth 20', () => downstreamOf(graph, nodeKeys.task('env1', 'dag_5', 'task_0'), 20)],
      [
        'upstream candidates of a task, depth 20',
        () =>
          upstreamCandidates(graph, {
            envId: 'env3',
            dagId: 'dag_59',
            taskId: 'task_11',
            from: '2025-12-31T00:00:00Z',
            at: '2026-01-02T00:00:00Z',
            depth: 20,
          }),
      ],
      ['critical path of a run', () => criticalPath(graph, 'env2', 'dag_30', 'scheduled__4')],
      ['blast radius of pausing a DAG', () => pauseBlastRadius(graph, 'env0', 'dag_0')],
      ['orphan assets', () => orphanAssets(graph)],
    ];
    for (const [name, run] of queries) {
      const t = timings(run);
      figures.push(figure(`embedded: ${name}, median of ${REPEAT}`, t.median, 'ms', { goal: 50, lowerIsBetter: true }));
      figures.push(figure(`embedded: ${name}, slowest`, t.max, 'ms'));
    }

    const view = syntheticView(2_000, 5_000);
    const t = performance.now();
    layoutGraph(view.nodes, view.edges);
    figures.push(
      figure(`layout ${view.nodes.length} nodes / ${view.edges.length} edges (layered layout)`, Math.round(performance.now() - t), 'ms'),
    );

    const peer = await startNeo4j({ heap: '1g' });
    const driver = openDriver({ url: peer.boltUrl, user: peer.user, password: peer.password, database: 'neo4j' });
    // The machine may be shared: the load average says how far the rates below are from an idle machine's.
    figures.push(figure('load average (1 min) before the Neo4j syncs', round(loadavg()[0] ?? 0, 2), ''));
    try {
      const first = await syncToNeo4j(driver, graph, { database: 'neo4j' });
      figures.push(figure('Neo4j first sync (schema, query compilation), nodes+rels per second', syncRate(first), '/s', { goal: 10_000 }));
      figures.push(figure('Neo4j first sync time', round(first.ms / 1000, 2), 's'));
      for (const [phase, ms] of Object.entries(first.phases)) figures.push(figure(`Neo4j first sync: ${phase}`, round(ms / 1000, 2), 's'));
      const second = await syncToNeo4j(driver, graph, { database: 'neo4j' });
      figures.push(figure('Neo4j second sync (nothing to write): written', second.written, 'items', { goal: 0, lowerIsBetter: true }));
      figures.push(figure('Neo4j second sync time', round(second.ms / 1000, 2), 's'));
      // The same sync into an emptied database: Neo4j has compiled the statements (steady-state rate).
      await emptyDatabase(driver, false);
      const warm = await syncToNeo4j(driver, graph, { database: 'neo4j' });
      figures.push(figure('Neo4j sync into an emptied database, nodes+rels per second', syncRate(warm), '/s', { goal: 10_000 }));
      // A graph twice as big into a new database (constraints and indexes dropped too) on the running server.
      const big = syntheticGraph(GRAPH_40K);
      await emptyDatabase(driver, true);
      const bigFirst = await syncToNeo4j(driver, big, { database: 'neo4j' });
      figures.push(
        figure(
          `Neo4j first sync of ${big.nodeCount} nodes / ${big.edgeCount} rels (server warm), nodes+rels per second`,
          syncRate(bigFirst),
          '/s',
          { goal: 10_000 },
        ),
      );
      const bigSecond = await syncToNeo4j(driver, big, { database: 'neo4j' });
      figures.push(figure('Neo4j second sync of the big graph: written', bigSecond.written, 'items', { goal: 0, lowerIsBetter: true }));
      figures.push(figure('Neo4j second sync of the big graph, nodes+rels compared per second', syncRate(bigSecond), '/s'));
      figures.push(figure('load average (1 min) after the Neo4j syncs', round(loadavg()[0] ?? 0, 2), ''));
    } finally {
      await driver.close();
      await peer.stop();
    }
    return figures;
  },
};

export default entry;
