import type { Locator, Page } from 'playwright-core';

export class ComparePage {
  constructor(readonly page: Page) {}

  get heading(): Locator {
    return this.page.getByRole('heading', { level: 1, name: 'Compare runs' });
  }

  get changedRows(): Locator {
    return this.page.locator('table.compare-table tbody tr[data-changed="true"]');
  }

  async changedTasks(): Promise<string[]> {
    return (await this.changedRows.locator('td:first-child').allTextContents()).map((t) => t.replace(/^●\s*/, '').trim());
  }
}
