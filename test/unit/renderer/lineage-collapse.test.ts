import { describe, expect, it } from 'vitest';
import { collapseGraph, groupChain, groupKey } from '../../../src-renderer/features/lineage/collapse-graph';
import { fold, NO_FOLDS, unfold } from '../../../src-renderer/features/lineage/fold-state';
import type { ViewEdge, ViewGraph, ViewNode } from '../../../src-renderer/features/lineage/view-graph';

const node = (key: string, kind: string, extra: Partial<ViewNode> = {}): ViewNode => ({
  key,
  kind,
  name: key,
  envId: 'e',
  dagId: null,
  state: null,
  lastRunAt: null,
  failureRate: null,
  group: null,
  collapsed: false,
  ...extra,
});
const task = (name: string, group: string | null, state: string | null = 'success'): ViewNode =>
  node(`t:${name}`, 'task', { name, dagId: 'etl', dagKey: 'dag:etl', group, state });
const edge = (from: string, to: string, kind: ViewEdge['kind'] = 'task'): ViewEdge => ({ from, to, kind });

/** DAG etl: extract.a, extract.b (group extract, b in extract.inner) -> load -> publish -> asset X -> DAG mart (collapsed). */
function sample(): ViewGraph {
  return {
    nodes: [
      task('a', 'extract'),
      task('b', 'extract.inner', 'failed'),
      task('load', null),
      task('publish', null),
      node('asset:X', 'asset'),
      node('dag:mart', 'dag', { collapsed: true }),
    ],
    edges: [
      edge('t:a', 't:load'),
      edge('t:b', 't:load'),
      edge('t:a', 't:b'),
      edge('t:load', 't:publish'),
      edge('t:publish', 'asset:X', 'produces'),
      edge('asset:X', 'dag:mart', 'consumes'),
    ],
  };
}
const describeEdges = (g: ViewGraph): string[] => g.edges.map((e) => `${e.from}>${e.to}${(e.count ?? 1) > 1 ? ` x${e.count}` : ''}`).sort();

describe('collapsing DAGs and task groups', () => {
  it('nothing folded leaves the graph as it is', () => {
    const g = sample();
    expect(collapseGraph(g, new Set())).toBe(g);
  });

  it('a folded DAG is one node standing for its tasks, its edges re-routed and counted', () => {
    const folded = collapseGraph(sample(), new Set(['dag:etl']));
    expect(folded.nodes.map((n) => n.key)).toEqual(['dag:etl', 'asset:X', 'dag:mart']);
    const dag = folded.nodes[0];
    expect(dag).toMatchObject({ kind: 'dag', name: 'etl', collapsed: true, members: 4, state: 'failed' });
    expect(describeEdges(folded)).toEqual(['asset:X>dag:mart', 'dag:etl>asset:X']);
  });

  it('a folded task group merges parallel edges into one with their count', () => {
    const folded = collapseGraph(sample(), new Set([groupKey('dag:etl', 'extract')]));
    const group = folded.nodes.find((n) => n.kind === 'group');
    expect(group).toMatchObject({ key: 'dag:etl#group:extract', name: 'extract', members: 2, dagKey: 'dag:etl' });
    expect(describeEdges(folded)).toContain('dag:etl#group:extract>t:load x2');
    expect(folded.nodes).toHaveLength(5);
  });

  it('an inner group folds alone; the outer one takes it in when folded too', () => {
    const inner = collapseGraph(sample(), new Set([groupKey('dag:etl', 'extract.inner')]));
    expect(inner.nodes.map((n) => n.key)).toContain('dag:etl#group:extract.inner');
    expect(describeEdges(inner)).toContain('t:a>dag:etl#group:extract.inner');
    const both = collapseGraph(sample(), new Set([groupKey('dag:etl', 'extract.inner'), groupKey('dag:etl', 'extract')]));
    expect(both.nodes.map((n) => n.key)).not.toContain('dag:etl#group:extract.inner');
    expect(groupChain('a.b.c')).toEqual(['a', 'a.b', 'a.b.c']);
  });

  it('folding and unfolding: a fold made in the view unfolds in place; a DAG the scope sent collapsed is asked for with its tasks', () => {
    const folded = fold(NO_FOLDS, 'dag:etl');
    expect(folded).toEqual({ folded: ['dag:etl'], expandDags: [] });
    const dag = collapseGraph(sample(), new Set(folded.folded)).nodes[0];
    expect(dag && unfold(folded, dag)).toEqual(NO_FOLDS);
    const mart = sample().nodes.find((n) => n.key === 'dag:mart');
    expect(mart && unfold(NO_FOLDS, mart)).toEqual({ folded: [], expandDags: ['dag:mart'] });
  });
});
