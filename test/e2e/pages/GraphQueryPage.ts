import type { Locator, Page } from 'playwright-core';

export class GraphQueryPage {
  constructor(readonly page: Page) {}

  get heading(): Locator {
    return this.page.getByRole('heading', { level: 1, name: 'Graph query' });
  }

  get resultRows(): Locator {
    return this.page.locator('table.result-table tbody tr');
  }

  /** The result table's column header n (0-based); sortable ones hold a button. */
  header(n: number): Locator {
    return this.page.locator('table.result-table thead th').nth(n);
  }

  async columnTexts(n: number): Promise<string[]> {
    return this.page.locator(`table.result-table tbody tr td:nth-child(${n + 1})`).allTextContents();
  }

  async runSaved(title: string): Promise<void> {
    await this.page.locator('button.saved-query', { hasText: title }).click();
    await this.page.getByRole('button', { name: 'Run saved query' }).click();
  }
}
