import type { Page, PageRequest } from '../airflow/airflow-source';

export const PAGE_LIMIT = 100;

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
 * Walks every page of a listing: the first page tells the total, the rest
 * are fetched `parallel` at a time, and each page is handed to `onPage` in
 * offset order, so writes stay ordered and a failure stops at a page boundary.
 */
export async function walkPages<T>(
  fetchPage: (page: PageRequest) => Promise<Page<T>>,
  onPage: (items: T[], done: number, total: number) => void,
  options: { parallel: number; signal?: AbortSignal | undefined },
): Promise<number> {
  throwIfCancelled(options.signal);
  const first = await fetchPage({ offset: 0, limit: PAGE_LIMIT });
  let done = first.items.length;
  onPage(first.items, done, first.total);
  const offsets: number[] = [];
  for (let offset = PAGE_LIMIT; offset < first.total; offset += PAGE_LIMIT) offsets.push(offset);
  for (let i = 0; i < offsets.length; i += options.parallel) {
    throwIfCancelled(options.signal);
    const batch = offsets.slice(i, i + options.parallel);
    const pages = await Promise.all(batch.map((offset) => fetchPage({ offset, limit: PAGE_LIMIT })));
    for (const page of pages) {
      done += page.items.length;
      onPage(page.items, done, Math.max(first.total, done));
    }
  }
  return done;
}
