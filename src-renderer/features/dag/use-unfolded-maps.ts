import { keepPreviousData, useQueries, type UseQueryResult } from '@tanstack/react-query';
import type { GridMapIndexes } from '../../../src-shared/domain/dag-history';
import { useApi } from '../../platform/api/api-context';
import { mapLookup, type MapLookup } from './grid-row-cells';

/** Module-level, so TanStack re-combines only when a query's result changes. */
const combine = (results: UseQueryResult<GridMapIndexes>[]): MapLookup =>
  mapLookup(results.map((r) => r.data).filter((d): d is GridMapIndexes => d !== undefined));

/** The map indexes of each expanded mapped task over the grid's window, one `dags.gridMapIndexes` query per task. */
export function useUnfoldedMaps(envId: string, dagId: string, from: string, to: string, taskIds: readonly string[]): MapLookup {
  const api = useApi();
  return useQueries({
    queries: taskIds.map((taskId) => {
      const input = { envId, dagId, taskId, from, to };
      return {
        queryKey: ['dags.gridMapIndexes', input] as const,
        queryFn: (): Promise<GridMapIndexes> => api.call['dags.gridMapIndexes'](input),
        placeholderData: keepPreviousData,
      };
    }),
    combine,
  });
}
