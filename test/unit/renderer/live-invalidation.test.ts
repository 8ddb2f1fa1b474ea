import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import { requestNames, requests } from '../../../src-shared/api/contract';
import { DATA_TOPICS } from '../../../src-shared/api/define';
import { invalidateChanged, isAffected, queryReadsAny } from '../../../src-renderer/platform/api/use-live-invalidation';

describe('query topics', () => {
  it('are the reads the contract declares', () => {
    expect(queryReadsAny('runs.list', ['runs'])).toBe(true);
    expect(queryReadsAny('runs.list', ['settings'])).toBe(false);
    expect(queryReadsAny('settings.update', ['settings'])).toBe(false);
    expect(queryReadsAny('no.such.request', ['runs'])).toBe(false);
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

describe('invalidateChanged', () => {
  const queries = requestNames.filter((name) => requests[name].kind === 'query');

  /** A client holding one fresh query per query of the contract, for `demo` and for `prod`. */
  function cacheOfEveryQuery(): QueryClient {
    const client = new QueryClient({ defaultOptions: { queries: { staleTime: Infinity } } });
    for (const name of queries) for (const envId of ['demo', 'prod']) client.setQueryData([name, { envId }], { cached: true });
    return client;
  }

  const invalidated = (client: QueryClient): string[] =>
    client
      .getQueryCache()
      .getAll()
      .filter((q) => q.state.isInvalidated)
      .map((q) => `${String(q.queryKey[0])}:${(q.queryKey[1] as { envId: string }).envId}`)
      .sort();

  it('refreshes exactly the queries that read a changed topic, in the changed environment', async () => {
    for (const topic of DATA_TOPICS) {
      const client = cacheOfEveryQuery();
      await invalidateChanged(client, { topics: [topic], envId: 'demo' });
      const expected = queries
        .filter((name) => requests[name].reads.includes(topic))
        .map((name) => `${name}:demo`)
        .sort();
      expect(invalidated(client), topic).toEqual(expected);
    }
  });

  it('refreshes every environment when the change names none', async () => {
    const client = cacheOfEveryQuery();
    await invalidateChanged(client, { topics: ['rules'], envId: null });
    const readers = queries.filter((name) => requests[name].reads.includes('rules'));
    expect(readers.length).toBeGreaterThan(0);
    expect(invalidated(client)).toEqual(readers.flatMap((name) => [`${name}:demo`, `${name}:prod`]).sort());
  });
});
