/**
 * Layout from a small laptop to a large screen (issue 16): at 1024 × 700, 1280 × 800 and 1920 × 1080, light and dark,
 * the DAG id column of the Overview and DAGs tables is at least 120 px wide (it was 0 px at 1152 px and below) and no
 * page is wider than the window (a wide table scrolls inside its own box).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDemoSession, type DemoSession } from './demo-session';

const SIZES = [
  { width: 1024, height: 700 },
  { width: 1280, height: 800 },
  { width: 1920, height: 1080 },
] as const;

describe('layout at common window sizes, light and dark', () => {
  let s: DemoSession;
  beforeAll(async () => {
    s = await openDemoSession({ waitForOverview: true });
  });
  afterAll(async () => {
    await s?.close();
  });

  for (const scheme of ['light', 'dark'] as const) {
    for (const size of SIZES) {
      it(`${size.width} × ${size.height}, ${scheme}: DAG ids stay readable and nothing overflows the window`, async () => {
        await s.page.emulateMedia({ colorScheme: scheme });
        await s.page.setViewportSize(size);
        for (const [hash, heading] of [['#/overview', 'Overview'], ['#/dags', 'DAGs']] as const) {
          await s.go(hash);
          await s.page.getByRole('heading', { level: 1, name: heading }).waitFor();
          const table = s.page.locator('table.dag-table');
          await table.locator('tbody tr').first().waitFor({ timeout: 30_000 });
          const idColumn = await table.locator('thead th').first().evaluate((th) => th.getBoundingClientRect().width);
          expect(idColumn, `${hash}: DAG column width`).toBeGreaterThanOrEqual(120);
          const overflow = await s.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
          expect(overflow, `${hash}: page wider than the window by`).toBeLessThanOrEqual(0);
        }
      });
    }
  }

  it('leaves no page error', () => {
    expect(s.pageErrors).toEqual([]);
  });
});
