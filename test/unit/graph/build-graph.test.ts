import { afterEach, describe, expect, it } from 'vitest';
import { buildGraph } from '../../../src-main/services/graph/build/build-graph';
import type { EmbeddedGraph } from '../../../src-main/services/graph/embedded-graph';
import { relEnds } from '../../../src-main/services/graph/graph-model';
import { nodeKeys as k } from '../../../src-main/services/graph/node-keys';
import { fixtureCache } from './graph-fixture';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((c) => c()));

function fixtureGraph(): EmbeddedGraph {
  const f = fixtureCache();
  cleanups.push(f.cleanup);
  return buildGraph(f.db);
}

const edgeSet = (g: EmbeddedGraph, type: string): string[] =>
  g
    .edges()
    .filter((e) => e.type === type)
    .map((e) => `${e.from} -> ${e.to}`)
    .sort();

describe('graph built from a fixed history', () => {
  it('has exactly the expected nodes', () => {
    const g = fixtureGraph();
    const keys = (label: Parameters<EmbeddedGraph['nodesOf']>[0]): string[] =>
      g
        .nodesOf(label)
        .map((n) => n.key)
        .sort();
    expect(keys('Environment')).toEqual([k.environment('prod'), k.environment('stage')]);
    expect(keys('Dag')).toEqual([k.dag('prod', 'ingest'), k.dag('prod', 'mart'), k.dag('prod', 'report'), k.dag('stage', 'copy')].sort());
    expect(keys('Task')).toHaveLength(8);
    // One asset node per URI, whichever environments declare it.
    expect(keys('Asset')).toEqual([k.asset('s3://lake/ghost'), k.asset('s3://lake/orders')]);
    expect(g.node(k.asset('s3://lake/orders'))?.props.envIds).toEqual(['prod', 'stage']);
    expect(keys('Owner')).toEqual([k.owner('bi'), k.owner('data-eng')]);
    expect(keys('Tag')).toEqual([k.tag('orders'), k.tag('tier-1')]);
    expect(keys('Pool')).toEqual([k.pool('prod', 'default_pool')]);
    expect(keys('Host')).toEqual([k.host('prod', 'w1'), k.host('prod', 'w2')]);
    // Recent runs, and the January run is outside every window.
    expect(keys('DagRun')).toEqual([k.run('prod', 'ingest', 'r0'), k.run('prod', 'ingest', 'r1'), k.run('prod', 'mart', 'm1')].sort());
    expect(keys('TaskInstance')).toHaveLength(7);
    expect(keys('ErrorPattern')).toEqual([k.errorPattern('prod', 'p1'), k.errorPattern('prod', 'p2')]);
  });

  it('has exactly the expected edges', () => {
    const g = fixtureGraph();
    expect(edgeSet(g, 'DEPENDS_ON')).toEqual(
      [
        `${k.task('prod', 'ingest', 'load')} -> ${k.task('prod', 'ingest', 'extract')}`,
        `${k.task('prod', 'ingest', 'publish')} -> ${k.task('prod', 'ingest', 'load')}`,
        `${k.task('prod', 'ingest', 'trigger_report')} -> ${k.task('prod', 'ingest', 'load')}`,
        `${k.task('prod', 'mart', 'check')} -> ${k.task('prod', 'mart', 'build')}`,
      ].sort(),
    );
    expect(edgeSet(g, 'PRODUCES')).toEqual([`${k.task('prod', 'ingest', 'publish')} -> ${k.asset('s3://lake/orders')}`]);
    expect(edgeSet(g, 'CONSUMES')).toEqual(
      [
        `${k.dag('prod', 'mart')} -> ${k.asset('s3://lake/orders')}`,
        `${k.dag('stage', 'copy')} -> ${k.asset('s3://lake/orders')}`,
        `${k.task('stage', 'copy', 'sync')} -> ${k.asset('s3://lake/ghost')}`,
      ].sort(),
    );
    expect(edgeSet(g, 'TRIGGERS')).toEqual([`${k.task('prod', 'ingest', 'trigger_report')} -> ${k.dag('prod', 'report')}`]);
    expect(edgeSet(g, 'HAS_DAG')).toHaveLength(4);
    expect(edgeSet(g, 'HAS_TASK')).toHaveLength(8);
    expect(edgeSet(g, 'OWNED_BY')).toHaveLength(4);
    expect(edgeSet(g, 'TAGGED')).toHaveLength(3);
    expect(edgeSet(g, 'IN_POOL')).toHaveLength(4);
    expect(edgeSet(g, 'RUN_OF')).toHaveLength(3);
    expect(edgeSet(g, 'INSTANCE_OF')).toHaveLength(7);
    expect(edgeSet(g, 'IN_RUN')).toHaveLength(7);
    expect(edgeSet(g, 'RAN_ON')).toHaveLength(6);
    // Hits of task instances outside the graph (a run gone from the cache) draw no edge.
    expect(edgeSet(g, 'FAILED_WITH')).toEqual(
      [
        `${k.instance('prod', 'ingest', 'r1', 'load', -1)} -> ${k.errorPattern('prod', 'p1')}`,
        `${k.instance('prod', 'mart', 'm1', 'build', -1)} -> ${k.errorPattern('prod', 'p1')}`,
        `${k.instance('prod', 'ingest', 'r0', 'load', -1)} -> ${k.errorPattern('prod', 'p2')}`,
      ].sort(),
    );
  });

  it("carries each error pattern's template, count and first and last sighting", () => {
    const g = fixtureGraph();
    expect(g.node(k.errorPattern('prod', 'p1'))?.props).toEqual({
      envId: 'prod',
      patternId: 'p1',
      name: 'ConnectionRefusedError: [Errno 111] Connection refused to <*>:<*>',
      template: 'ConnectionRefusedError: [Errno 111] Connection refused to <*>:<*>',
      exception: 'ConnectionRefusedError',
      count: 2,
      firstSeen: '2026-03-10T10:02:00.000Z',
      lastSeen: '2026-03-10T10:40:00.000Z',
      isNew: true,
    });
    expect(g.node(k.errorPattern('prod', 'p2'))?.props).toMatchObject({ count: 2, isNew: false, firstSeen: '2026-03-01T08:00:00.000Z' });
  });

  it('joins only the labels the model declares for each relationship type', () => {
    const g = fixtureGraph();
    for (const e of g.edges()) {
      const ends = { from: g.node(e.from)?.label, to: g.node(e.to)?.label };
      expect(relEnds[e.type]).toContainEqual(ends);
    }
  });

  it('carries what an investigator needs on DAGs and tasks', () => {
    const g = fixtureGraph();
    expect(g.node(k.dag('prod', 'ingest'))?.props).toMatchObject({
      runs30d: 2,
      failedRuns30d: 1,
      failureRate: 0.5,
      lastRunState: 'failed',
      downstreamDags: 3,
      riskScore: 2,
    });
    expect(g.node(k.task('prod', 'ingest', 'load'))?.props).toMatchObject({
      tries30d: 2,
      failures30d: 1,
      flakyTries30d: 1,
      lastState: 'failed',
      pool: 'default_pool',
    });
  });
});
