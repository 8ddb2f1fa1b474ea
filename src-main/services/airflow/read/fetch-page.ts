import type { Page, PageRequest } from '../airflow-source';
import type { AirflowHttpClient } from '../http/airflow-http-client';
import type { QueryParams } from '../http/query-string';
import { JsonRecord } from './json-record';

/** Airflow's default `maximum_page_limit`: a page of this size is served by every server. */
export const MAX_PAGE_LIMIT = 100;

/**
 * The most rows a listing asks for in one page. A server answers at most its
 * `maximum_page_limit` (Airflow 2 and 3.2+ clamp to it, 100 by default; 3.0
 * and 3.1 serve what is asked), so callers page by what came back.
 */
export const MAX_PAGE_ASK = 1_000;

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
  const limit = Math.min(MAX_PAGE_ASK, Math.max(1, Math.floor(page.limit)));
  const offset = Math.max(0, Math.floor(page.offset));
  const body = await client.getJson(listing.path, { ...listing.query, limit, offset });
  const collection = JsonRecord.of<C & { total_entries?: number | null }>(body, `GET ${listing.path}`);
  const items = collection.records<I>(listing.itemsKey).map(listing.map);
  const total = collection.optNum('total_entries') ?? offset + items.length;
  return { items, total: Math.max(total, offset + items.length) };
}
