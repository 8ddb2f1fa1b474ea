import type { Locator, Page } from 'playwright-core';

/** The DAGs page: filters, the virtualized table, sparklines. */
export class DagsListPage {
  constructor(readonly page: Page) {}

  get heading(): Locator {
    return this.page.getByRole('heading', { level: 1, name: 'DAGs' });
  }

  get table(): Locator {
    return this.page.locator('table.dag-table');
  }

  get rows(): Locator {
    return this.table.locator('tbody tr.dag-row');
  }

  get sparklines(): Locator {
    return this.rows.locator('svg.run-sparkline');
  }

  get count(): Locator {
    return this.page.locator('.table-count');
  }

  filter(label: 'Environment' | 'Tag' | 'Owner' | 'Last run' | 'Paused' | 'Window'): Locator {
    return this.page.getByRole('group', { name: 'DAG filters' }).getByLabel(label);
  }

  async waitForRows(min: number, timeoutMs = 60_000): Promise<void> {
    await this.rows.nth(min - 1).waitFor({ timeout: timeoutMs });
  }

  async dagIds(): Promise<string[]> {
    return this.rows.locator('td.cell-dag a.dag-link').allTextContents();
  }

  /** Each visible row's full tag list and owners (from the cells' titles). */
  async tagsAndOwners(): Promise<{ tags: string[]; owners: string[] }[]> {
    return this.rows.evaluateAll((rows) =>
      rows.map((row) => ({
        tags: (row.querySelector('td.cell-tags')?.getAttribute('title') ?? '').split(', ').filter((t) => t !== ''),
        owners: (row.querySelector('td.truncate')?.getAttribute('title') ?? '').split(', ').filter((t) => t !== ''),
      })),
    );
  }

  sortButton(column: string): Locator {
    return this.table.getByRole('button', { name: column, exact: true });
  }

  async sortOrder(column: string): Promise<string | null> {
    return this.table.locator('th', { has: this.page.getByRole('button', { name: column, exact: true }) }).getAttribute('aria-sort');
  }

  /** The data-index of the focused row, or null when focus is elsewhere. */
  async focusedRow(): Promise<number | null> {
    return this.page.evaluate(() => {
      const el = document.activeElement;
      return el instanceof HTMLTableRowElement && el.classList.contains('dag-row') ? Number(el.dataset.index) : null;
    });
  }
}
