import type { Page, PageRequest } from '../airflow/airflow-source';
import { MAX_PAGE_ASK } from '../airflow/read/fetch-page';
import { inOrder } from './ordered-fetches';

/** Rows asked for per page; the server answers at most its `maximum_page_limit` (100 by default). */
export const PAGE_LIMIT = MAX_PAGE_ASK;

export class SyncCancelled extends Error {
  constructor() {
    super('Sync cancelled.');
    this.name = 'SyncCancelled';
  }
}

export function throwIfCancelled(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new SyncCancelled();
}

/**
 * How many rows a page of this listing holds: what was asked, or fewer when the
 * server clamps `limit` to its `maximum_page_limit` (a short first page of a
 * longer listing says so), so the next offsets follow the server's page size.
 */
export function pageStride(first: Page<unknown>, asked: number): number {
  const got = first.items.length;
  return got > 0 && got < asked && first.total > got ? got : asked;
}

/**
 * Walks every page of a listing: the first page tells the total and the
 * server's page size, the rest are fetched with `parallel` requests in flight
 * (a new one starts as soon as one ends), and each page is handed to `onPage`
 * in offset order, so writes stay ordered and a failure stops at a page boundary.
 * `first` may be a first page (offset 0, limit {@link PAGE_LIMIT}) already asked for.
 */
export async function walkPages<T>(
  fetchPage: (page: PageRequest) => Promise<Page<T>>,
  onPage: (items: T[], done: number, total: number) => void,
  options: { parallel: number; signal?: AbortSignal | undefined; first?: Promise<Page<T>> },
): Promise<number> {
  throwIfCancelled(options.signal);
  const first = await (options.first ?? fetchPage({ offset: 0, limit: PAGE_LIMIT }));
  let done = first.items.length;
  onPage(first.items, done, first.total);
  const stride = pageStride(first, PAGE_LIMIT);
  const offsets: number[] = [];
  for (let offset = done; offset < first.total; offset += stride) offsets.push(offset);
  await inOrder(
    offsets.map((offset) => () => fetchPage({ offset, limit: stride })),
    { parallel: options.parallel, signal: options.signal, cancelled: () => new SyncCancelled() },
    (page) => {
      done += page.items.length;
      onPage(page.items, done, Math.max(first.total, done));
    },
  );
  return done;
}
