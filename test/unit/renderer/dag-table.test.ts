import { describe, expect, it } from 'vitest';
import type { DagSummary } from '../../../src-shared/domain/history';
import { filterDags } from '../../../src-renderer/features/dags/table/filter-dags';
import { sortDags } from '../../../src-renderer/features/dags/table/sort-dags';

function dag(dagId: string, patch: Partial<DagSummary> = {}): DagSummary {
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

const dags = [
  dag('b_load', { failed24h: 2, tags: ['finance'], owners: ['bruno'] }),
  dag('a_export', { failed24h: 5, lastRunState: 'failed', lastRunAt: null }),
  dag('c_sync', { failed24h: 2, schedule: null, lastRunState: null, lastRunAt: '2025-01-02T00:00:00Z' }),
  dag('a10_x'),
  dag('a9_x'),
];

describe('sortDags', () => {
  it('sorts counts descending with the DAG id as tie-breaker', () => {
    expect(sortDags(dags, { key: 'failed24h', direction: 'desc' }).map((d) => d.dagId)).toEqual([
      'a_export',
      'b_load',
      'c_sync',
      'a9_x',
      'a10_x',
    ]);
  });

  it('sorts ids naturally and does not mutate its input', () => {
    const before = dags.map((d) => d.dagId);
    expect(sortDags(dags, { key: 'dagId', direction: 'asc' }).map((d) => d.dagId)).toEqual([
      'a_export',
      'a9_x',
      'a10_x',
      'b_load',
      'c_sync',
    ]);
    expect(dags.map((d) => d.dagId)).toEqual(before);
  });

  it('keeps missing values last in both directions', () => {
    for (const direction of ['asc', 'desc'] as const) {
      expect(sortDags(dags, { key: 'lastRunAt', direction }).at(-1)?.dagId).toBe('a_export');
      expect(sortDags(dags, { key: 'schedule', direction }).at(-1)?.dagId).toBe('c_sync');
      expect(sortDags(dags, { key: 'lastRunState', direction }).at(-1)?.dagId).toBe('c_sync');
    }
  });

  it('puts failed first when sorting by last state descending', () => {
    expect(sortDags(dags, { key: 'lastRunState', direction: 'desc' })[0]?.dagId).toBe('a_export');
  });
});

describe('filterDags', () => {
  it('matches every word anywhere, case-insensitively', () => {
    expect(filterDags(dags, 'LOAD').map((d) => d.dagId)).toEqual(['b_load']);
    expect(filterDags(dags, 'a failed').map((d) => d.dagId)).toEqual(['a_export']);
  });

  it('narrows with tag: and owner:', () => {
    expect(filterDags(dags, 'tag:fin').map((d) => d.dagId)).toEqual(['b_load']);
    expect(filterDags(dags, 'owner:bru').map((d) => d.dagId)).toEqual(['b_load']);
    expect(filterDags(dags, 'owner:zed')).toEqual([]);
  });

  it('returns everything for a blank filter', () => {
    expect(filterDags(dags, '   ')).toHaveLength(dags.length);
  });
});
