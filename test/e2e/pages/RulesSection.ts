import type { Locator, Page } from 'playwright-core';

/** Settings → Rules and its rule editor. */
export class RulesSection {
  constructor(readonly page: Page) {}

  get region(): Locator {
    return this.page.getByRole('region', { name: 'Rules' });
  }

  get rules(): Locator {
    return this.region.getByRole('list', { name: 'Rules' }).getByRole('listitem');
  }

  get editor(): Locator {
    return this.page.getByRole('dialog', { name: /rule/ });
  }

  get preview(): Locator {
    return this.editor.getByRole('region', { name: 'Preview: last 30 days' });
  }

  get previewFirings(): Locator {
    return this.preview.getByRole('list', { name: 'Preview firings' }).getByRole('listitem');
  }

  async openNew(): Promise<Locator> {
    await this.region.getByRole('button', { name: 'New rule' }).click();
    await this.editor.waitFor();
    return this.editor;
  }
}
