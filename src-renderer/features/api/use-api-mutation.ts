import { useMutation, useQueryClient, type UseMutationResult } from '@tanstack/react-query';
import { requests, type RequestInput, type RequestName, type RequestOutput } from '../../../src-shared/api/contract';
import { useApi } from './api-context';
import { queryReadsAny } from './query-topics';

/** Calls a request that changes data, then refreshes the queries reading what it changed. */
export function useApiMutation<N extends RequestName>(name: N): UseMutationResult<RequestOutput<N>, Error, RequestInput<N>> {
  const api = useApi();
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: RequestInput<N>) => api.call[name](input) as Promise<RequestOutput<N>>,
    onSuccess: () => {
      const changes = requests[name].changes;
      if (changes.length === 0) return;
      void client.invalidateQueries({ predicate: (query) => queryReadsAny(String(query.queryKey[0]), changes) });
    },
  });
}
