import type { Page, PageRequest } from '../airflow-source';
import type { AirflowHttpClient } from '../http/airflow-http-client';
import type { QueryParams } from '../http/query-string';
import { JsonRecord } from './json-record';

/** Airflow's default `maximum_page_limit`; every listing asks for at most this many. */
export const MAX_PAGE_LIMIT = 100;

export interface PagedListing<C, I, R> {
  path: string;
  /** The collection's array field, e.g. `dag_runs`. */
  itemsKey: Extract<keyof C, string>;
  query?: QueryParams;
  map: (item: JsonRecord<I>) => R;
}

/**
 * One `limit`/`offset` page of an Airflow collection `{<items>: [...], total_entries}`, mapped to rows.
 * `C` and `I` are the generated collection and item schemas.
 */
export async function fetchPage<C, I, R>(client: AirflowHttpClient, page: PageRequest, listing: PagedListing<C, I, R>): Promise<Page<R>> {
  const limit = Math.min(MAX_PAGE_LIMIT, Math.max(1, Math.floor(page.limit)));
  const offset = Math.max(0, Math.floor(page.offset));
  const body = await client.getJson(listing.path, { ...listing.query, limit, offset });
  const collection = JsonRecord.of<C & { total_entries?: number | null }>(body, `GET ${listing.path}`);
  const items = collection.records<I>(listing.itemsKey).map(listing.map);
  const total = collection.optNum('total_entries') ?? offset + items.length;
  return { items, total: Math.max(total, offset + items.length) };
}
