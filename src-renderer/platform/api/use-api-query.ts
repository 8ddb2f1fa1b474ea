import { keepPreviousData, useQuery, type UseQueryResult } from '@tanstack/react-query';
import type { QueryName, RequestInput, RequestOutput } from '../../../src-shared/api/contract';
import { useApi } from './api-context';

export interface ApiQueryOptions<T> {
  enabled?: boolean;
  /** Poll interval in ms, or a function of the latest data (false: no polling). */
  refetchInterval?: number | false | ((data: T | undefined) => number | false);
  placeholderPrevious?: boolean;
}

/** A TanStack query keyed by [requestName, input]; refreshed by `data.changed`. */
export function useApiQuery<N extends QueryName>(
  name: N,
  input: RequestInput<N>,
  options: ApiQueryOptions<RequestOutput<N>> = {},
): UseQueryResult<RequestOutput<N>> {
  const api = useApi();
  const interval = options.refetchInterval ?? false;
  type Out = RequestOutput<N>;
  return useQuery<Out, Error, Out, readonly unknown[]>({
    queryKey: [name, input],
    queryFn: () => api.call[name](input) as Promise<Out>,
    enabled: options.enabled ?? true,
    refetchInterval: typeof interval === 'function' ? (query) => interval(query.state.data) : interval,
    placeholderData: options.placeholderPrevious === true ? keepPreviousData : undefined,
  });
}
