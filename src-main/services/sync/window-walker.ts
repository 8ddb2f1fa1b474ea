import type { Page, PageRequest } from '../airflow/airflow-source';
import { throwIfCancelled, walkPages } from './page-walker';

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
 * `onPage` in order; progress counts rows over the whole window.
 */
export async function walkWindow<T>(
  fetchPage: (page: PageRequest, slice: TimeWindow) => Promise<Page<T>>,
  onPage: (items: T[], done: number, total: number) => void,
  window: TimeWindow,
  options: { parallel: number; signal?: AbortSignal | undefined },
): Promise<number> {
  throwIfCancelled(options.signal);
  const probe = await fetchPage({ offset: 0, limit: 1 }, window);
  const total = probe.total;
  if (total <= ROWS_PER_SLICE) {
    return walkPages((page) => fetchPage(page, window), onPage, options);
  }
  const start = Date.parse(window.since);
  const end = Date.parse(window.before);
  const slices = Math.min(1_000, Math.ceil(total / ROWS_PER_SLICE));
  const width = Math.ceil((end - start) / slices);
  let doneBefore = 0;
  for (let from = start; from < end; from += width) {
    const slice = { since: new Date(from).toISOString(), before: new Date(Math.min(end, from + width)).toISOString() };
    doneBefore += await walkPages(
      (page) => fetchPage(page, slice),
      (items, done) => onPage(items, doneBefore + done, Math.max(total, doneBefore + done)),
      options,
    );
  }
  return doneBefore;
}
