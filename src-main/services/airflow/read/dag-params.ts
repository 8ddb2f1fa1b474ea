import type { AirflowHttpClient } from '../http/airflow-http-client';
import { segment } from '../http/query-string';

const MAX_PARAMS_JSON = 64 * 1024;

/**
 * A DAG's declared params from `/dags/{id}/details` (both API versions name
 * the field `params`), as JSON text bounded in size; null when it has none.
 */
export async function fetchDagParams(http: AirflowHttpClient, api: 'v1' | 'v2', dagId: string): Promise<string | null> {
  const body = await http.getJson(`/api/${api}/dags/${segment(dagId)}/details`);
  const params = typeof body === 'object' && body !== null ? (body as Record<string, unknown>).params : undefined;
  if (params === undefined || params === null) return null;
  if (typeof params === 'object' && Object.keys(params).length === 0) return null;
  const text = JSON.stringify(params);
  return text.length > MAX_PARAMS_JSON ? null : text;
}
