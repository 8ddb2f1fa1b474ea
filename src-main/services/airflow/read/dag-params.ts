import type { AirflowHttpClient } from '../http/airflow-http-client';
import { segment } from '../http/query-string';

const MAX_PARAMS_JSON = 64 * 1024;

/** The body of a DAG's `/dags/{id}/details` (both API versions share the path). */
export function fetchDagDetails(http: AirflowHttpClient, api: 'v1' | 'v2', dagId: string): Promise<unknown> {
  return http.getJson(`/api/${api}/dags/${segment(dagId)}/details`);
}

/**
 * A DAG's declared params from its details (both API versions name the field
 * `params`), as JSON text bounded in size; null when it has none.
 */
export function paramsText(params: unknown): string | null {
  if (params === undefined || params === null) return null;
  if (typeof params === 'object' && Object.keys(params).length === 0) return null;
  const text = JSON.stringify(params);
  return text.length > MAX_PARAMS_JSON ? null : text;
}
