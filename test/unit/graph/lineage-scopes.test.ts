import { afterEach, describe, expect, it } from 'vitest';
import { buildGraph } from '../../../src-main/services/graph/build/build-graph';
import { lineageView } from '../../../src-main/services/graph/lineage/lineage-view';
import { nodeKeys as k } from '../../../src-main/services/graph/node-keys';
import type { LineageGraph } from '../../../src-shared/domain/lineage';
import { fixtureCache } from './graph-fixture';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((c) => c()));

function fixtureGraph() {
  const f = fixtureCache();
  cleanups.push(f.cleanup);
  return buildGraph(f.db);
}

const names = (view: LineageGraph): string[] => view.nodes.map((n) => `${n.envId ?? '-'}:${n.name}`).sort();
const edges = (view: LineageGraph): string[] => {
  const byKey = new Map(view.nodes.map((n) => [n.key, `${n.envId ?? '-'}:${n.name}`]));
  return view.edges.map((e) => `${byKey.get(e.from)}>${byKey.get(e.to)}:${e.kind}`).sort();
};

describe('lineage scopes over several environments', () => {
  it('one asset URI that two environments share joins their DAGs', () => {
    const view = lineageView(fixtureGraph(), 'prod', { kind: 'environments', envIds: ['prod', 'stage'], expand: false });
    expect(names(view)).toEqual(['-:ghost', '-:orders', 'prod:ingest', 'prod:mart', 'prod:report', 'stage:copy']);
    expect(edges(view)).toEqual(
      expect.arrayContaining(['prod:ingest>-:orders:produces', '-:orders>prod:mart:consumes', '-:orders>stage:copy:consumes']),
    );
  });

  it('one environment alone does not reach into the other', () => {
    const view = lineageView(fixtureGraph(), 'prod', { kind: 'environments', envIds: ['prod'], expand: false });
    expect(names(view)).not.toContain('stage:copy');
    expect(names(view)).toEqual(names(lineageView(fixtureGraph(), 'prod', { kind: 'environment', expand: false })));
  });

  it('expanded, tasks of both environments carry their DAG key; the asset edge lands on the consuming DAG first task', () => {
    const view = lineageView(fixtureGraph(), 'prod', { kind: 'environments', envIds: ['prod', 'stage'], expand: true });
    expect(view.nodes.find((n) => n.name === 'sync')?.dagKey).toBe(k.dag('stage', 'copy'));
    expect(edges(view)).toEqual(expect.arrayContaining(['prod:publish>-:orders:produces', '-:orders>stage:sync:consumes']));
  });

  it('a DAG the scope shows collapsed opens into its tasks when asked for', () => {
    const graph = fixtureGraph();
    const collapsed = lineageView(graph, 'prod', { kind: 'environment', expand: false });
    expect(collapsed.nodes.find((n) => n.name === 'mart')?.collapsed).toBe(true);
    const opened = lineageView(graph, 'prod', { kind: 'environment', expand: false }, [k.dag('prod', 'mart'), k.dag('stage', 'copy')]);
    expect(names(opened)).toEqual(expect.arrayContaining(['prod:build', 'prod:check', 'prod:ingest']));
    expect(names(opened)).not.toContain('prod:mart');
    // A DAG outside the scope stays out.
    expect(names(opened)).not.toContain('stage:sync');
    expect(edges(opened)).toEqual(expect.arrayContaining(['-:orders>prod:build:consumes', 'prod:build>prod:check:task']));
  });
});
