import { useEffect } from 'react';
import { useQueryClient, type QueryClient } from '@tanstack/react-query';
import { isRequestName, requests } from '../../../src-shared/api/contract';
import type { DataTopic } from '../../../src-shared/api/define';
import type { EventPayload } from '../../../src-shared/api/events';
import { useApi } from './api-context';

interface KeyedQuery {
  queryKey: readonly unknown[];
}

/** Whether a query reads any of the topics, as its request declares in the contract (`reads`). */
export function queryReadsAny(name: string, topics: readonly DataTopic[]): boolean {
  return isRequestName(name) && requests[name].reads.some((topic) => topics.includes(topic));
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

/** Refreshes the queries a `data.changed` event concerns, and no others. */
export function invalidateChanged(client: QueryClient, change: EventPayload<'data.changed'>): Promise<void> {
  return client.invalidateQueries({ predicate: (query) => isAffected(query, change) });
}

/** Keeps the query cache in step with the back end's `data.changed` events: the one place queries are invalidated. */
export function useLiveInvalidation(): void {
  const api = useApi();
  const client = useQueryClient();
  useEffect(() => api.on('data.changed', (change) => void invalidateChanged(client, change)), [api, client]);
}
