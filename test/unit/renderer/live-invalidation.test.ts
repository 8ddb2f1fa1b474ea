import { describe, expect, it } from 'vitest';
import { requests } from '../../../src-shared/api/contract';
import { queryReadsAny, queryTopics } from '../../../src-renderer/features/api/query-topics';
import { isAffected } from '../../../src-renderer/features/api/use-live-invalidation';

describe('query topics', () => {
  it('names only requests of the contract that change nothing', () => {
    for (const name of Object.keys(queryTopics)) {
      expect(Object.prototype.hasOwnProperty.call(requests, name)).toBe(true);
      expect(requests[name as keyof typeof requests].changes).toEqual([]);
    }
  });

  it('knows which queries read a topic', () => {
    expect(queryReadsAny('runs.list', ['runs'])).toBe(true);
    expect(queryReadsAny('runs.list', ['settings'])).toBe(false);
    expect(queryReadsAny('settings.update', ['settings'])).toBe(false);
  });
});

describe('isAffected', () => {
  const overviewDemo = { queryKey: ['overview.get', { envId: 'demo' }] };
  it('matches by topic and environment', () => {
    expect(isAffected(overviewDemo, { topics: ['dags'], envId: 'demo' })).toBe(true);
    expect(isAffected(overviewDemo, { topics: ['dags'], envId: 'prod' })).toBe(false);
    expect(isAffected(overviewDemo, { topics: ['dags'], envId: null })).toBe(true);
    expect(isAffected(overviewDemo, { topics: ['settings'], envId: null })).toBe(false);
    expect(isAffected({ queryKey: ['envs.list', {}] }, { topics: ['environments'], envId: 'demo' })).toBe(true);
  });
});
