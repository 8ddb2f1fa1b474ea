import type { Locator, Page } from 'playwright-core';

/** Row checkboxes, the bulk bar and its preview dialog (runs list and triage queue). */
export class BulkActions {
  constructor(
    readonly page: Page,
    private readonly scope: Locator,
  ) {}

  get checks(): Locator {
    return this.scope.locator('input.bulk-check[aria-label^="Select "]:not([aria-label="Select every listed run"])');
  }

  get bar(): Locator {
    return this.page.getByRole('toolbar', { name: 'Bulk actions' });
  }

  async count(): Promise<number> {
    return Number(((await this.bar.locator('.bulk-count').textContent()) ?? '').replace(/[^0-9]/g, ''));
  }

  get dialog(): Locator {
    return this.page.getByRole('dialog');
  }

  async targets(): Promise<string[]> {
    return this.dialog.getByRole('region', { name: 'Targets' }).locator('li').allTextContents();
  }
}
