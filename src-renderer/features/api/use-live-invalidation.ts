import { useEffect } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { EventPayload } from '../../../src-shared/api/events';
import { useApi } from './api-context';
import { queryReadsAny } from './query-topics';

interface KeyedQuery {
  queryKey: readonly unknown[];
}

function queryEnvId(query: KeyedQuery): string | null {
  const input: unknown = query.queryKey[1];
  if (typeof input !== 'object' || input === null) return null;
  const envId = (input as { envId?: unknown }).envId;
  return typeof envId === 'string' ? envId : null;
}

/** Whether a `data.changed` event concerns this query: same topic, and same environment when both name one. */
export function isAffected(query: KeyedQuery, change: EventPayload<'data.changed'>): boolean {
  if (!queryReadsAny(String(query.queryKey[0]), change.topics)) return false;
  const envId = queryEnvId(query);
  return change.envId === null || envId === null || envId === change.envId;
}

/** Keeps the query cache in step with the back end's `data.changed` events. */
export function useLiveInvalidation(): void {
  const api = useApi();
  const client = useQueryClient();
  useEffect(
    () =>
      api.on('data.changed', (change) => {
        void client.invalidateQueries({ predicate: (query) => isAffected(query, change) });
      }),
    [api, client],
  );
}
