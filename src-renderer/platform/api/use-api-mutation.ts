import { useMutation, type UseMutationResult } from '@tanstack/react-query';
import type { RequestInput, RequestName, RequestOutput } from '../../../src-shared/api/contract';
import { useApi } from './api-context';

/**
 * Calls a request on demand (a change, a test, an export). The queries reading what it changed refresh on the
 * engine's `data.changed` event (`useLiveInvalidation`), as they do for changes made elsewhere: never here as well.
 */
export function useApiMutation<N extends RequestName>(name: N): UseMutationResult<RequestOutput<N>, Error, RequestInput<N>> {
  const api = useApi();
  return useMutation({ mutationFn: (input: RequestInput<N>) => api.call[name](input) as Promise<RequestOutput<N>> });
}
