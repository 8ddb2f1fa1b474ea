import type { AirflowHttpClient } from '../http/airflow-http-client';
import { AirflowHttpError } from '../http/http-errors';
import { JsonRecord } from './json-record';

/** One resource by its path, mapped; null when Airflow answers 404 (it no longer has it). */
export async function fetchOneOrNull<I, R>(client: AirflowHttpClient, path: string, map: (item: JsonRecord<I>) => R): Promise<R | null> {
  try {
    return map(JsonRecord.of<I>(await client.getJson(path, {}), `GET ${path}`));
  } catch (error) {
    if (error instanceof AirflowHttpError && error.status === 404) return null;
    throw error;
  }
}
