import type { Environment } from '../../../src-shared/domain/environment';
import { useApiQuery } from '../../platform/api/use-api-query';

/** Every environment; polls while the list is empty (the demo is still being built). */
export function useEnvironments(): { envs: Environment[]; isLoading: boolean; error: Error | null } {
  const query = useApiQuery('envs.list', {}, { refetchInterval: (data) => (data === undefined || data.length === 0 ? 1500 : false) });
  const envs = query.data ?? [];
  return { envs, isLoading: query.isLoading, error: query.error };
}
