import { describe, expect, it } from 'vitest';
import { paletteItems, viewItems } from '../../../src-renderer/features/palette/palette-items';
import { parseRoute } from '../../../src-renderer/platform/routing/route';
import { readRunsView, runsHref } from '../../../src-renderer/platform/routing/runs-route';

describe('palette items', () => {
  it('lists all views for an empty query and filters by label', () => {
    // Detail views (a run, a task instance, a DAG, compare) are reached through links, not listed.
    expect(viewItems('').map((item) => item.label)).toEqual([
      'Overview',
      'Fleet',
      'DAGs',
      'Runs',
      'Timeline',
      'Anomalies',
      'Lineage',
      'Graph query',
      'Copilot',
      'Incidents & reports',
      'Settings',
    ]);
    expect(viewItems('set').map((item) => item.label)).toEqual(['Settings']);
  });

  it('puts search hits first; a DAG opens its runs, a run its detail', () => {
    const items = paletteItems('run', [
      { kind: 'dag', envId: 'demo', dagId: 'etl&x', runId: null, label: 'etl&x', detail: '' },
      { kind: 'run', envId: 'demo', dagId: 'etl', runId: 'manual__1', label: 'manual__1', detail: '' },
    ]);
    expect(items.map((item) => item.kind)).toEqual(['dag', 'run', 'view']);
    expect(parseRoute(items[0]?.href ?? '')).toEqual({ view: 'runs', params: { dag: 'etl&x' } });
    expect(parseRoute(items[1]?.href ?? '')).toEqual({ view: 'runs', params: { dag: 'etl', run: 'manual__1' } });
  });
});

describe('runs route', () => {
  it('reads filters and the selected run, ignoring unknown states', () => {
    const view = readRunsView({ dag: 'etl', state: 'failed,bogus,failed,running', run: 'r1' });
    expect(view).toEqual({
      dagId: 'etl',
      states: ['failed', 'running'],
      hours: null,
      gone: false,
      selected: { dagId: 'etl', runId: 'r1' },
    });
    expect(readRunsView({ gone: '1' }).gone).toBe(true);
    expect(readRunsView(parseRoute(runsHref({ ...view, gone: true })).params).gone).toBe(true);
  });

  it('round-trips a run of another DAG than the filter', () => {
    const view = { dagId: null, states: [], hours: null, selected: { dagId: 'other', runId: 'r2' } } as const;
    expect(readRunsView(parseRoute(runsHref({ ...view, states: [] })).params)).toEqual({
      dagId: null,
      states: [],
      hours: null,
      gone: false,
      selected: { dagId: 'other', runId: 'r2' },
    });
  });

  it("keeps the Overview's window: runs of the last 24 h, and nothing odd for hours", () => {
    const view = readRunsView({ state: 'failed', hours: '24' });
    expect(view.hours).toBe(24);
    expect(readRunsView(parseRoute(runsHref(view)).params)).toEqual(view);
    for (const hours of ['0', '-1', '24h', '99999', '1e3']) expect(readRunsView({ hours }).hours).toBeNull();
  });
});
