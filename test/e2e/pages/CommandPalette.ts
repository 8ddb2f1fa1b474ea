import type { Locator, Page } from 'playwright-core';

export class CommandPalette {
  constructor(readonly page: Page) {}

  get dialog(): Locator {
    return this.page.getByRole('dialog', { name: 'Command palette' });
  }

  get input(): Locator {
    return this.dialog.getByRole('combobox');
  }

  get options(): Locator {
    return this.dialog.getByRole('option');
  }

  async open(): Promise<void> {
    await this.page.keyboard.press('Control+K');
    await this.dialog.waitFor();
  }

  /** Types a query and waits until a DAG hit is listed. */
  async searchDag(query: string): Promise<Locator> {
    await this.input.fill(query);
    const hit = this.dialog.locator('[role="option"][data-kind="dag"]').first();
    await hit.waitFor();
    return hit;
  }
}
