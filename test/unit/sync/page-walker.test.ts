import { describe, expect, it } from 'vitest';
import type { Page, PageRequest } from '../../../src-main/services/airflow/airflow-source';
import { PAGE_LIMIT, SyncCancelled, walkPages } from '../../../src-main/services/sync/page-walker';

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** A listing of `rows` numbers served like Airflow: `limit` clamped to `maxPage`, `total_entries` on each page. */
function listing(rows: number, maxPage: number, delayOf: (offset: number) => number = () => 0) {
  const asked: PageRequest[] = [];
  const fetchPage = async (page: PageRequest): Promise<Page<number>> => {
    asked.push(page);
    await sleep(delayOf(page.offset));
    const end = Math.min(rows, page.offset + Math.min(page.limit, maxPage));
    return { items: Array.from({ length: Math.max(0, end - page.offset) }, (_, i) => page.offset + i), total: rows };
  };
  return { fetchPage, asked };
}

describe('paged listing walk', () => {
  it('asks for large pages and follows a server that serves fewer per page', async () => {
    const { fetchPage, asked } = listing(1_234, 100);
    const seen: number[] = [];
    const done = await walkPages(fetchPage, (items) => seen.push(...items), { parallel: 4 });
    expect(done).toBe(1_234);
    expect(seen).toEqual(Array.from({ length: 1_234 }, (_, i) => i));
    expect(asked[0]).toEqual({ offset: 0, limit: PAGE_LIMIT });
    expect(asked.length).toBe(13);
    expect(asked.slice(1).every((p) => p.limit === 100 && p.offset % 100 === 0)).toBe(true);
  });

  it('takes a whole listing in few requests when the server serves large pages', async () => {
    const { fetchPage, asked } = listing(2_500, 10_000);
    const seen: number[] = [];
    await walkPages(fetchPage, (items) => seen.push(...items), { parallel: 4 });
    expect(seen.length).toBe(2_500);
    expect(asked.length).toBe(Math.ceil(2_500 / PAGE_LIMIT));
  });

  it('keeps requests in flight behind a slow page and still hands pages over in offset order', async () => {
    let releaseSlow = (): void => undefined;
    const slow = new Promise<void>((resolve) => (releaseSlow = resolve));
    const asked: number[] = [];
    let inFlight = 0;
    let peak = 0;
    const fetchPage = async (page: PageRequest): Promise<Page<number>> => {
      asked.push(page.offset);
      peak = Math.max(peak, ++inFlight);
      await (page.offset === 100 ? slow : sleep(1));
      inFlight -= 1;
      return { items: Array.from({ length: 100 }, (_, i) => page.offset + i), total: 2_000 };
    };
    const firsts: number[] = [];
    const walk = walkPages(fetchPage, (items) => firsts.push(items[0] ?? -1), { parallel: 4 });
    await sleep(100);
    // Batch by batch, only the slow page's three batch-mates would have been asked for by now.
    expect(asked.length).toBeGreaterThan(1 + 4 + 4);
    expect(firsts).toEqual([0]);
    releaseSlow();
    await walk;
    expect(firsts).toEqual(Array.from({ length: 20 }, (_, i) => i * 100));
    expect(peak).toBe(4);
  });

  it('stops at the first failing page: pages before it are delivered, none after', async () => {
    const fetchPage = async (page: PageRequest): Promise<Page<number>> => {
      if (page.offset === 300) throw new Error('HTTP 500');
      return { items: Array.from({ length: 100 }, (_, i) => page.offset + i), total: 1_000 };
    };
    const firsts: number[] = [];
    await expect(walkPages(fetchPage, (items) => firsts.push(items[0] ?? -1), { parallel: 4 })).rejects.toThrow('HTTP 500');
    expect(firsts).toEqual([0, 100, 200]);
  });

  it('stops between pages once cancelled', async () => {
    const controller = new AbortController();
    const { fetchPage } = listing(1_000, 100, () => 5);
    const firsts: number[] = [];
    const walk = walkPages(
      fetchPage,
      (items) => {
        firsts.push(items[0] ?? -1);
        if (firsts.length === 2) controller.abort();
      },
      { parallel: 2, signal: controller.signal },
    );
    await expect(walk).rejects.toBeInstanceOf(SyncCancelled);
    expect(firsts).toEqual([0, 100]);
  });
});
