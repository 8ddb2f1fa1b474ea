import type { Locator, Page } from 'playwright-core';

export class GraphQueryPage {
  constructor(readonly page: Page) {}

  get heading(): Locator {
    return this.page.getByRole('heading', { level: 1, name: 'Graph query' });
  }

  get resultRows(): Locator {
    return this.page.locator('table.result-table tbody tr');
  }

  async runSaved(title: string): Promise<void> {
    await this.page.locator('button.saved-query', { hasText: title }).click();
    await this.page.getByRole('button', { name: 'Run saved query' }).click();
  }
}
