import { describe, expect, it } from 'vitest';
import type { Page, PageRequest } from '../../../src-main/services/airflow/airflow-source';
import { ROWS_PER_SLICE, walkWindow, type TimeWindow } from '../../../src-main/services/sync/window-walker';

/** A listing with Airflow's semantics: filtered by [since, before), paged by offset, with total_entries. */
function listing(times: number[]) {
  const requests: { offset: number; window: TimeWindow }[] = [];
  const fetchPage = async (page: PageRequest, window: TimeWindow): Promise<Page<number>> => {
    requests.push({ offset: page.offset, window });
    const inWindow = times.filter((t) => t >= Date.parse(window.since) && t < Date.parse(window.before));
    return { items: inWindow.slice(page.offset, page.offset + page.limit), total: inWindow.length };
  };
  return { fetchPage, requests };
}

const DAY = 86_400_000;
const start = Date.parse('2026-01-01T00:00:00.000Z');
const window = { since: new Date(start).toISOString(), before: new Date(start + 30 * DAY).toISOString() };

describe('first-sync window walk', () => {
  it('delivers every row exactly once, and never asks for a deep offset', async () => {
    const times = Array.from({ length: 12_345 }, (_, i) => start + Math.floor((i / 12_345) * 30 * DAY));
    const { fetchPage, requests } = listing(times);
    const seen: number[] = [];
    let lastDone = 0;
    await walkWindow(
      fetchPage,
      (items, done) => {
        seen.push(...items);
        expect(done).toBeGreaterThanOrEqual(lastDone);
        lastDone = done;
      },
      window,
      { parallel: 4 },
    );
    expect(seen).toEqual(times);
    expect(Math.max(...requests.map((r) => r.offset))).toBeLessThan(ROWS_PER_SLICE * 2);
  });

  it('walks a small listing in one pass', async () => {
    const times = Array.from({ length: 250 }, (_, i) => start + i * 1000);
    const { fetchPage, requests } = listing(times);
    const seen: number[] = [];
    await walkWindow(fetchPage, (items) => seen.push(...items), window, { parallel: 4 });
    expect(seen).toEqual(times);
    expect(new Set(requests.map((r) => r.window.since)).size).toBe(1);
  });
});
