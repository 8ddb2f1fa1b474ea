import type { Page, PageRequest } from '../../../src-main/services/airflow/airflow-source';
import { walkPages } from '../../../src-main/services/sync/page-walker';

/**
 * Every item of a listing, page after page: the peers are shared by the test files, and the real-Airflow scenario
 * leaves a few hundred runs, so no test may assume a listing fits in one page.
 */
export async function allPages<T>(fetchPage: (page: PageRequest) => Promise<Page<T>>): Promise<T[]> {
  const items: T[] = [];
  await walkPages(fetchPage, (page) => items.push(...page), { parallel: 2 });
  return items;
}
