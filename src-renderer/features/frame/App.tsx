import { useState } from 'react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import type { Api } from '../../../src-shared/api/client';
import { ApiProvider } from '../api/api-context';
import { AppFrame } from './AppFrame';

function makeQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      // The back end says when data changes (data.changed), so no refetch on focus and a long stale time.
      queries: { staleTime: 60_000, refetchOnWindowFocus: false, retry: 1 },
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
