import type { Locator, Page } from 'playwright-core';

export class OverviewPage {
  constructor(readonly page: Page) {}

  get heading(): Locator {
    return this.page.getByRole('heading', { level: 1, name: 'Overview' });
  }

  get dagTable(): Locator {
    return this.page.locator('table.dag-table');
  }

  get dagRows(): Locator {
    return this.dagTable.locator('tbody tr.dag-row');
  }

  get filter(): Locator {
    return this.page.getByRole('searchbox', { name: 'Filter DAGs' });
  }

  /** Waits until the DAG table shows at least `min` rows (the Demo may still be building). */
  async waitForDags(min: number, timeoutMs = 60_000): Promise<void> {
    await this.dagRows.nth(min - 1).waitFor({ timeout: timeoutMs });
  }

  async dagIds(): Promise<string[]> {
    return this.dagRows.locator('td.cell-dag a.dag-link').allTextContents();
  }

  /** The number shown in a headline tile, e.g. "Failed runs, 7 d". */
  async stat(label: string): Promise<number> {
    const tile = this.page.locator('.stat-tile', { has: this.page.locator('.stat-label', { hasText: label }) });
    const text = await tile.locator('.stat-value').first().textContent();
    return Number((text ?? '').replace(/[^0-9]/g, ''));
  }

  async sortBy(column: string): Promise<void> {
    await this.dagTable.getByRole('button', { name: column, exact: true }).click();
  }

  /** The Overview's "Newest failures" links, each to a failure brief. */
  get newestFailures(): Locator {
    return this.page.getByTestId('newest-failure');
  }

  /** The newest-failures link to the brief of one run. */
  async newestFailureOf(dagId: string, runId: string): Promise<Locator | null> {
    const links = this.newestFailures;
    for (let i = 0; i < (await links.count()); i++) {
      const href = (await links.nth(i).getAttribute('href')) ?? '';
      const params = new URLSearchParams(href.slice(href.indexOf('?') + 1));
      if (params.get('dag') === dagId && params.get('run') === runId) return links.nth(i);
    }
    return null;
  }
}
