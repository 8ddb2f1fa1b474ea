import { useState } from 'react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import type { Api } from '../../src-shared/api/client';
import { ApiError } from '../../src-shared/api/errors';
import { ApiProvider } from '../platform/api/api-context';
import { AppFrame } from './AppFrame';

/** Retry once when the back end was unreachable or failed; never for answers such as not_found or invalid_input. */
function shouldRetry(failureCount: number, error: Error): boolean {
  if (error instanceof ApiError && error.code !== 'unavailable' && error.code !== 'internal') return false;
  return failureCount < 1;
}

function makeQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      // The back end says when data changes (data.changed), so no refetch on focus and a long stale time.
      queries: { staleTime: 60_000, refetchOnWindowFocus: false, retry: shouldRetry },
    },
  });
}

export function App({ api }: { api: Api }) {
  const [client] = useState(makeQueryClient);
  return (
    <ApiProvider api={api}>
      <QueryClientProvider client={client}>
        <AppFrame />
      </QueryClientProvider>
    </ApiProvider>
  );
}
