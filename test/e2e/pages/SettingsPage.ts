import type { Locator, Page } from 'playwright-core';

/** Settings, and the dialogs of its Environments section. */
export class SettingsPage {
  constructor(readonly page: Page) {}

  get heading(): Locator {
    return this.page.getByRole('heading', { level: 1, name: 'Settings' });
  }

  get environments(): Locator {
    return this.page.getByRole('region', { name: 'Environments' });
  }

  get environmentList(): Locator {
    return this.environments.getByRole('list', { name: 'Environments' });
  }

  /** One environment's row, by its name. */
  environment(name: string): Locator {
    return this.environmentList.getByRole('listitem', { name, exact: true });
  }

  async environmentNames(): Promise<string[]> {
    return this.environmentList.locator('.env-row .env-row-title .env-name').allTextContents();
  }

  dialog(name: string | RegExp): Locator {
    return this.page.getByRole('dialog', { name });
  }

  async open(): Promise<void> {
    await this.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
    await this.heading.waitFor();
    await this.environmentList.getByRole('listitem').first().waitFor();
  }

  async openAdd(): Promise<Locator> {
    await this.environments.getByRole('link', { name: 'Add environment' }).click();
    const dialog = this.dialog('Add environment');
    await dialog.waitFor();
    return dialog;
  }

  async openImport(): Promise<Locator> {
    await this.environments.getByRole('link', { name: 'Import…' }).click();
    const dialog = this.dialog('Import environments');
    await dialog.waitFor();
    return dialog;
  }

  async openExport(): Promise<Locator> {
    await this.environments.getByRole('link', { name: 'Export…' }).click();
    const dialog = this.dialog('Export environments');
    await dialog.waitFor();
    return dialog;
  }

  /** Fills a field of an open dialog by its label and leaves it (so inline validation shows). */
  async fill(dialog: Locator, label: string, value: string): Promise<void> {
    const field = dialog.getByLabel(label, { exact: true });
    await field.fill(value);
    await field.blur();
  }
}
