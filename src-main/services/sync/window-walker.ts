import type { Page, PageRequest } from '../airflow/airflow-source';
import { PAGE_LIMIT, throwIfCancelled, walkPages } from './page-walker';

/** Listings larger than this are cut into time slices, so no page sits at a deep offset. */
export const ROWS_PER_SLICE = 2_000;

export interface TimeWindow {
  since: string;
  before: string;
}

/**
 * Walks a time-windowed listing. Deep offsets are slow on Airflow (a page at
 * offset 20,000 takes half a second), so a large first sync is cut into time
 * slices of about ROWS_PER_SLICE rows, each walked from offset 0. Pages reach
 * `onPage` in order; progress counts rows over the whole window. The first
 * page of the whole window tells its size (and is the walk when it is small).
 */
export async function walkWindow<T>(
  fetchPage: (page: PageRequest, slice: TimeWindow) => Promise<Page<T>>,
  onPage: (items: T[], done: number, total: number) => void,
  window: TimeWindow,
  options: { parallel: number; signal?: AbortSignal | undefined },
): Promise<number> {
  throwIfCancelled(options.signal);
  const firstOf = (slice: TimeWindow): Promise<Page<T>> => fetchPage({ offset: 0, limit: PAGE_LIMIT }, slice);
  const probe = firstOf(window);
  const total = (await probe).total;
  if (total <= ROWS_PER_SLICE) {
    return walkPages((page) => fetchPage(page, window), onPage, { ...options, first: probe });
  }
  const start = Date.parse(window.since);
  const end = Date.parse(window.before);
  const count = Math.min(1_000, Math.ceil(total / ROWS_PER_SLICE));
  const width = Math.ceil((end - start) / count);
  const slices: TimeWindow[] = [];
  for (let from = start; from < end; from += width) {
    slices.push({ since: new Date(from).toISOString(), before: new Date(Math.min(end, from + width)).toISOString() });
  }
  let doneBefore = 0;
  // The next slice's first page is asked for while this slice's pages are read: no idle round trip between slices.
  let next = slices[0] ? firstOf(slices[0]) : null;
  for (let i = 0; i < slices.length && next; i++) {
    const slice = slices[i] as TimeWindow;
    const first = next;
    const following = slices[i + 1];
    next = following ? firstOf(following) : null;
    next?.catch(() => undefined); // awaited on the next turn; a failure of this slice comes first
    doneBefore += await walkPages(
      (page) => fetchPage(page, slice),
      (items, done) => onPage(items, doneBefore + done, Math.max(total, doneBefore + done)),
      { ...options, first },
    );
  }
  return doneBefore;
}
