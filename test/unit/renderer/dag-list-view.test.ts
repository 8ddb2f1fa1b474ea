import { describe, expect, it } from 'vitest';
import type { RecentRun } from '../../../src-shared/domain/dag-list';
import type { DagRow } from '../../../src-renderer/features/dags/table/dag-row';
import { rowKeyMove } from '../../../src-renderer/features/dags/table/row-key-move';
import { sortDags } from '../../../src-renderer/features/dags/table/sort-dags';
import { facetChoices, filterByFacets, noFacets, readFacets } from '../../../src-renderer/features/dags/dag-facets';
import { sparklineLabel, sparklineMarks } from '../../../src-renderer/features/dags/sparkline-marks';

function dag(dagId: string, patch: Partial<DagRow> = {}): DagRow {
  return {
    envId: 'demo',
    dagId,
    description: null,
    schedule: '@daily',
    isPaused: false,
    owners: ['ana'],
    tags: [],
    lastRunState: 'success',
    lastRunAt: '2025-01-01T00:00:00Z',
    runs24h: 1,
    failed24h: 0,
    failed7d: 0,
    ...patch,
  };
}
const stats = (failureRate: number | null, meanDurationS: number | null, finishedRuns = 10) => ({
  finishedRuns,
  failureRate,
  meanDurationS,
  recent: [],
});

const rows = [
  dag('a', { tags: ['finance', 'daily'], owners: ['ana'], stats: stats(0.1, 60) }),
  dag('b', { tags: ['ml'], owners: ['bruno'], isPaused: true, lastRunState: 'failed', stats: stats(0.5, 30) }),
  dag('c', { tags: ['finance'], owners: ['bruno', 'ana'], lastRunState: null, stats: stats(null, null, 0) }),
  dag('d', { stats: stats(0.5, 600, 40) }),
];

describe('DAGs list filters and sorts', () => {
  it('filters by tag, owner, last state and paused, each exactly', () => {
    expect(filterByFacets(rows, { ...noFacets, tag: 'finance' }).map((d) => d.dagId)).toEqual(['a', 'c']);
    expect(filterByFacets(rows, { ...noFacets, tag: 'finance', owner: 'bruno' }).map((d) => d.dagId)).toEqual(['c']);
    expect(filterByFacets(rows, { ...noFacets, state: 'never' }).map((d) => d.dagId)).toEqual(['c']);
    expect(filterByFacets(rows, { ...noFacets, paused: 'paused' }).map((d) => d.dagId)).toEqual(['b']);
    expect(filterByFacets(rows, { ...noFacets, paused: 'active', state: 'success' }).map((d) => d.dagId)).toEqual(['a', 'd']);
  });

  it('reads facets from the route and ignores values that name nothing', () => {
    expect(readFacets({ tag: 'x', state: 'exploded', paused: 'maybe' })).toEqual({ ...noFacets, tag: 'x' });
    expect(facetChoices(rows)).toEqual({ tags: ['daily', 'finance', 'ml'], owners: ['ana', 'bruno'] });
  });

  it('sorts by failure rate (more finished runs first on a tie) and by mean duration, DAGs without runs last', () => {
    expect(sortDags(rows, { key: 'failureRate', direction: 'desc' }).map((d) => d.dagId)).toEqual(['d', 'b', 'a', 'c']);
    expect(sortDags(rows, { key: 'failureRate', direction: 'asc' }).map((d) => d.dagId)).toEqual(['a', 'b', 'd', 'c']);
    expect(sortDags(rows, { key: 'meanDurationS', direction: 'desc' }).map((d) => d.dagId)).toEqual(['d', 'a', 'b', 'c']);
  });

  it('moves between rows with the keyboard, clamped to the list', () => {
    expect(rowKeyMove('ArrowDown', 3, 4, 10)).toBe(3);
    expect(rowKeyMove('ArrowUp', 0, 4, 10)).toBe(0);
    expect(rowKeyMove('PageDown', 0, 40, 10)).toBe(10);
    expect(rowKeyMove('End', 0, 40, 10)).toBe(39);
    expect(rowKeyMove('a', 0, 40, 10)).toBeNull();
  });
});

describe('run sparkline', () => {
  const run = (runId: string, state: RecentRun['state'], durationS: number | null): RecentRun => ({ runId, state, at: null, durationS });
  const runs = [run('1', 'success', 60), run('2', 'failed', 120), run('3', 'running', null), run('4', 'queued', null)];

  it('draws each state as its own shape, newest at the right, taller for longer runs', () => {
    const marks = sparklineMarks(runs, 20, 124, 24);
    expect(marks.map((m) => m.shape)).toEqual(['bar', 'crossed-bar', 'hollow-bar', 'ring']);
    expect(marks[3]?.x).toBeGreaterThan(100);
    expect(marks[1]?.height).toBeGreaterThan(marks[0]?.height ?? 0);
    expect(marks.every((m) => m.x >= 0 && m.x + m.width <= 124 && m.y >= 0 && m.y + m.height <= 24)).toBe(true);
  });

  it('says what it shows in words', () => {
    expect(sparklineLabel(runs)).toBe(
      'Last 4 runs, oldest to newest: 1 success, 1 failed, 1 running, 1 queued; durations 1 m 00 s to 2 m 00 s; newest queued',
    );
    expect(sparklineLabel([])).toBe('No run in the window');
  });
});
