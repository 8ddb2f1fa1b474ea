import { describe, expect, it } from 'vitest';
import { EmbeddedGraph } from '../../../src-main/services/graph/embedded-graph';
import { criticalPath } from '../../../src-main/services/graph/impact/critical-path';
import { downstreamOf } from '../../../src-main/services/graph/impact/downstream';
import { orphanAssets } from '../../../src-main/services/graph/impact/orphan-assets';
import { pauseBlastRadius } from '../../../src-main/services/graph/impact/pause-blast-radius';
import { upstreamCandidates } from '../../../src-main/services/graph/impact/upstream-candidates';
import { lineageView } from '../../../src-main/services/graph/lineage/lineage-view';
import { nodeKeys as k } from '../../../src-main/services/graph/node-keys';

/**
 * Hand-built: env a: DAG p (t1 -> t2, t2 produces X), DAG c scheduled on X
 * (u1 -> u2, u2 triggers DAG d with task v1). env b: DAG e scheduled on X
 * (w1). Asset Y produced by nobody, consumed by w1; asset Z produced by u2 and
 * consumed by nobody.
 */
function handBuilt(): EmbeddedGraph {
  const g = new EmbeddedGraph();
  const env = (id: string) => g.addNode({ key: k.environment(id), label: 'Environment', props: { envId: id, name: id } });
  const dag = (e: string, d: string, schedule?: string) => {
    g.addNode({ key: k.dag(e, d), label: 'Dag', props: { envId: e, dagId: d, name: d, ...(schedule ? { schedule } : {}) } });
    g.addEdge('HAS_DAG', k.environment(e), k.dag(e, d));
  };
  const task = (e: string, d: string, t: string) => {
    g.addNode({ key: k.task(e, d, t), label: 'Task', props: { envId: e, dagId: d, taskId: t, name: t } });
    g.addEdge('HAS_TASK', k.dag(e, d), k.task(e, d, t));
  };
  const asset = (uri: string) => g.addNode({ key: k.asset(uri), label: 'Asset', props: { uri, name: uri } });
  env('a');
  env('b');
  dag('a', 'p', '@daily');
  dag('a', 'c', 'Asset');
  dag('a', 'd');
  dag('b', 'e', 'Asset');
  for (const [d, t] of [
    ['p', 't1'],
    ['p', 't2'],
    ['c', 'u1'],
    ['c', 'u2'],
    ['d', 'v1'],
  ])
    task('a', d ?? '', t ?? '');
  task('b', 'e', 'w1');
  asset('X');
  asset('Y');
  asset('Z');
  g.addEdge('DEPENDS_ON', k.task('a', 'p', 't2'), k.task('a', 'p', 't1'));
  g.addEdge('DEPENDS_ON', k.task('a', 'c', 'u2'), k.task('a', 'c', 'u1'));
  g.addEdge('PRODUCES', k.task('a', 'p', 't2'), k.asset('X'));
  g.addEdge('PRODUCES', k.task('a', 'c', 'u2'), k.asset('Z'));
  g.addEdge('CONSUMES', k.dag('a', 'c'), k.asset('X'));
  g.addEdge('CONSUMES', k.dag('b', 'e'), k.asset('X'));
  g.addEdge('CONSUMES', k.task('b', 'e', 'w1'), k.asset('Y'));
  g.addEdge('TRIGGERS', k.task('a', 'c', 'u2'), k.dag('a', 'd'));
  // Runs: p failed at 10:00 (t1 failed), c at 11:00 (u1 failed after waiting), run of p with durations.
  const ti = (d: string, run: string, t: string, state: string, start: string, end: string) => {
    const key = k.instance('a', d, run, t, -1);
    g.addNode({
      key,
      label: 'TaskInstance',
      props: { envId: 'a', dagId: d, runId: run, taskId: t, mapIndex: -1, name: t, state, startDate: start, endDate: end },
    });
    g.addEdge('INSTANCE_OF', key, k.task('a', d, t));
    g.addEdge('IN_RUN', key, k.run('a', d, run));
  };
  const run = (d: string, id: string, at: string, version: string) => {
    g.addNode({
      key: k.run('a', d, id),
      label: 'DagRun',
      props: { envId: 'a', dagId: d, runId: id, name: id, state: 'success', at, dagVersion: version },
    });
    g.addEdge('RUN_OF', k.run('a', d, id), k.dag('a', d));
  };
  run('p', 'r0', '2026-01-01T08:00:00.000Z', 'v1');
  run('p', 'r1', '2026-01-01T09:55:00.000Z', 'v2');
  ti('p', 'r1', 't1', 'failed', '2026-01-01T10:00:00.000Z', '2026-01-01T10:01:00.000Z');
  ti('p', 'r0', 't1', 'success', '2026-01-01T08:00:00.000Z', '2026-01-01T08:10:00.000Z');
  ti('p', 'r0', 't2', 'success', '2026-01-01T08:12:00.000Z', '2026-01-01T08:20:00.000Z');
  return g;
}

const names = (items: { name: string; depth: number }[]) => items.map((i) => `${i.name}@${i.depth}`);

describe('impact questions on a hand-built graph', () => {
  it('downstream of a task crosses DAGs through assets and triggers, and environments', () => {
    const d = downstreamOf(handBuilt(), k.task('a', 'p', 't1'), 10);
    expect(names(d.items)).toEqual(['t2@1', 'X@2', 'c@3', 'e@3', 'u1@4', 'u2@4', 'w1@4', 'Z@5', 'd@5', 'v1@6']);
    expect(d.items.find((i) => i.name === 'w1')?.envId).toBe('b');
    expect(
      downstreamOf(handBuilt(), k.task('a', 'p', 't1'), 2)
        .items.map((i) => i.name)
        .sort(),
    ).toEqual(['X', 't2']);
  });

  it('downstream of an asset and of a DAG', () => {
    expect(downstreamOf(handBuilt(), k.asset('Y'), 5).items.map((i) => i.name)).toEqual(['w1']);
    expect(downstreamOf(handBuilt(), k.dag('a', 'd'), 5).items.map((i) => i.name)).toEqual(['v1']);
  });

  it('upstream candidates: what failed or changed upstream shortly before', () => {
    const found = upstreamCandidates(handBuilt(), {
      envId: 'b',
      dagId: 'e',
      taskId: 'w1',
      from: '2026-01-01T09:00:00.000Z',
      at: '2026-01-01T11:00:00.000Z',
      depth: 10,
    });
    expect(found.failures.map((f) => [f.taskId, f.failures])).toEqual([['t1', 1]]);
    expect(found.changes).toMatchObject([{ dagId: 'p', fromVersion: 'v1', toVersion: 'v2' }]);
    const before = upstreamCandidates(handBuilt(), {
      envId: 'b',
      dagId: 'e',
      taskId: 'w1',
      from: '2026-01-01T07:00:00.000Z',
      at: '2026-01-01T09:00:00.000Z',
      depth: 10,
    });
    expect(before.failures).toEqual([]);
  });

  it('critical path of a run', () => {
    const path = criticalPath(handBuilt(), 'a', 'p', 'r0');
    expect(path.steps.map((s) => [s.taskId, s.durationS, s.waitS])).toEqual([
      ['t1', 600, 0],
      ['t2', 480, 120],
    ]);
    expect(path.totalS).toBe(1200);
  });

  it('blast radius of pausing a DAG marks what stops entirely', () => {
    const blast = pauseBlastRadius(handBuilt(), 'a', 'p');
    expect(blast.items.map((i) => [i.name, i.stalls])).toEqual([
      ['X', true],
      ['c', true],
      ['e', true],
      ['Z', true],
      ['d', true],
    ]);
  });

  it('orphan assets', () => {
    const o = orphanAssets(handBuilt());
    expect(o.producedNeverConsumed.map((a) => a.uri)).toEqual(['Z']);
    expect(o.consumedNeverProduced.map((a) => a.uri)).toEqual(['Y']);
  });

  it('lineage view of a DAG with its neighbours maps DAG-level links onto tasks', () => {
    const view = lineageView(handBuilt(), 'a', { kind: 'neighbours', dagId: 'c' });
    const byKey = new Map(view.nodes.map((n) => [n.key, n.name]));
    const edges = view.edges.map((e) => `${byKey.get(e.from)}>${byKey.get(e.to)}:${e.kind}`).sort();
    expect(edges).toEqual(['X>u1:consumes', 'p>X:produces', 'u1>u2:task', 'u2>Z:produces', 'u2>d:triggers'].sort());
    expect(view.nodes.find((n) => n.name === 'p')?.collapsed).toBe(true);
  });
});
