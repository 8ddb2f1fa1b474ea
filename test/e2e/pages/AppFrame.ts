import type { Locator, Page } from 'playwright-core';

/** The frame around every page: top bar, navigation, banner, status bar. */
export class AppFrame {
  constructor(readonly page: Page) {}

  get demoBanner(): Locator {
    return this.page.getByRole('note').filter({ hasText: 'Demo environment — synthetic Airflow history generated on this machine.' });
  }

  get themeToggle(): Locator {
    return this.page.getByRole('button', { name: /^Theme: / });
  }

  get environmentButton(): Locator {
    return this.page.getByRole('button', { name: /^Environment: / });
  }

  get statusBar(): Locator {
    return this.page.locator('footer.status-bar');
  }

  nav(label: string): Locator {
    return this.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: label });
  }

  async appliedTheme(): Promise<string | null> {
    return this.page.evaluate(() => document.documentElement.dataset.theme ?? null);
  }

  async themeChoice(): Promise<string> {
    const label = (await this.themeToggle.getAttribute('aria-label')) ?? '';
    return label.replace(/^Theme: /, '');
  }

  /** Clicks the toggle until it names the wanted choice (System → Light → Dark). */
  async chooseTheme(choice: 'System' | 'Light' | 'Dark'): Promise<void> {
    for (let i = 0; i < 3 && (await this.themeChoice()) !== choice; i += 1) {
      await this.themeToggle.click();
    }
    await this.page.getByRole('button', { name: `Theme: ${choice}` }).waitFor();
  }

  async hash(): Promise<string> {
    return this.page.evaluate(() => decodeURIComponent(window.location.hash));
  }
}
