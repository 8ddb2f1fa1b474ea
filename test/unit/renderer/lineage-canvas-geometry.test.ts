import { describe, expect, it } from 'vitest';
import { buildHitIndex, nodeAt } from '../../../src-renderer/features/lineage/hit-test';
import { layoutGraph } from '../../../src-renderer/features/lineage/layout-graph';
import { readLineageParams, lineageHref, toScope } from '../../../src-renderer/features/lineage/lineage-route';
import { minimapScale, panToMinimapPoint, viewportRect } from '../../../src-renderer/features/lineage/minimap-geometry';
import { renderModeFor } from '../../../src-renderer/features/lineage/render-mode';
import { syntheticView } from '../../../bench/graph/synthetic-view';

describe('canvas hit-testing', () => {
  const view = syntheticView(2_000, 5_000);
  const layout = layoutGraph(view.nodes, view.edges);
  const index = buildHitIndex(layout.nodes);

  it('finds the node whose box holds the point, on every node of a 2,000-node layout', () => {
    for (const p of layout.nodes) {
      expect(nodeAt(index, p.x, p.y)?.node.key).toBe(p.node.key);
      expect(nodeAt(index, p.x - p.width / 2 + 1, p.y + p.height / 2 - 1)?.node.key).toBe(p.node.key);
    }
  });

  it('finds nothing between nodes or outside the graph', () => {
    const p = layout.nodes[0];
    expect(p).toBeDefined();
    if (!p) return;
    expect(nodeAt(index, p.x, p.y - p.height / 2 - 4)).toBeNull();
    expect(nodeAt(index, -50, -50)).toBeNull();
    expect(nodeAt(index, layout.width + 100, 10)).toBeNull();
  });
});

describe('minimap geometry', () => {
  const graph = { width: 4_000, height: 1_000 };
  const box = { width: 200, height: 140 };

  it('fits the graph and shows the viewport as a rectangle', () => {
    const scale = minimapScale(graph, box);
    expect(scale).toBe(0.05);
    // At zoom 1 with the graph's (1000, 200) at the viewport's top-left, a 800x500 viewport.
    expect(viewportRect({ x: -1_000, y: -200, k: 1 }, { width: 800, height: 500 }, scale, box)).toEqual({
      x: 50,
      y: 10,
      width: 40,
      height: 25,
    });
    // Zoomed out past the whole graph, the rectangle is clipped to the minimap.
    expect(viewportRect({ x: 100, y: 100, k: 0.1 }, { width: 800, height: 500 }, scale, box)).toEqual({
      x: 0,
      y: 0,
      width: 200,
      height: 140,
    });
  });

  it('a click on the minimap centres the view there at the same zoom', () => {
    const t = panToMinimapPoint(100, 25, { x: 0, y: 0, k: 2 }, { width: 800, height: 600 }, 0.05);
    expect(t).toEqual({ x: 800 / 2 - 2_000 * 2, y: 600 / 2 - 500 * 2, k: 2 });
  });
});

describe('render mode and the several-environments route', () => {
  it('SVG for ordinary views, canvas past 600 nodes or 1,500 edges, or as chosen', () => {
    expect(renderModeFor(300, 500, 'auto')).toBe('svg');
    expect(renderModeFor(600, 500, 'auto')).toBe('canvas');
    expect(renderModeFor(100, 1_500, 'auto')).toBe('canvas');
    expect(renderModeFor(2_000, 5_000, 'svg')).toBe('svg');
    expect(renderModeFor(10, 5, 'canvas')).toBe('canvas');
  });

  it('keeps the environments and drawing in the route and drops ids that cannot be environments', () => {
    const params = readLineageParams({ scope: 'environments', envs: 'prod,stage,../x,prod', expand: '1', render: 'canvas' });
    expect(params).toMatchObject({ kind: 'environments', envIds: ['prod', 'stage'], expand: true, render: 'canvas' });
    expect(lineageHref(params)).toBe('#/lineage?scope=environments&envs=prod%2Cstage&expand=1&render=canvas');
    expect(toScope(params, 'prod')).toEqual({ kind: 'environments', envIds: ['prod', 'stage'], expand: true });
    expect(toScope({ ...params, envIds: [] }, 'demo')).toEqual({ kind: 'environments', envIds: ['demo'], expand: true });
  });
});
