import type { Environment } from '../../../src-shared/domain/environment';
import { useApiQuery } from '../api/use-api-query';
import { useNow } from './use-now';

/**
 * "Now" for relative times of an environment's history: the wall clock for a
 * real Airflow, the end of the generated history (`asOf`) for a synthetic one.
 */
export function useReferenceNow(env: Environment | null): number {
  const wall = useNow();
  const synthetic = env?.synthetic === true;
  const overview = useApiQuery('overview.get', { envId: env?.id ?? '' }, { enabled: synthetic && env !== null });
  const asOf = overview.data?.asOf;
  if (synthetic && asOf !== undefined) {
    const parsed = Date.parse(asOf);
    if (!Number.isNaN(parsed)) return parsed;
  }
  return wall;
}
