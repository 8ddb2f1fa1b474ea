import type { Locator, Page } from 'playwright-core';

export class FleetPage {
  constructor(readonly page: Page) {}

  get heading(): Locator {
    return this.page.getByRole('heading', { level: 1, name: 'Fleet' });
  }

  get triage(): Locator {
    return this.page.getByRole('region', { name: 'Triage queue' });
  }

  get triageItems(): Locator {
    return this.triage.locator('li.triage-item');
  }

  async unseenCount(): Promise<number> {
    const text = (await this.triage.locator('.triage-count').textContent()) ?? '';
    return Number(text.replace(/[^0-9]/g, ''));
  }

  async triageRunIds(): Promise<string[]> {
    return this.triageItems.locator('.triage-run').allTextContents();
  }

  itemForRun(runId: string): Locator {
    return this.triageItems.filter({ has: this.page.locator('.triage-run', { hasText: runId }) });
  }

  tile(label: string): Locator {
    return this.page.locator('a.fleet-tile', { has: this.page.locator('.stat-label', { hasText: label }) }).first();
  }

  async tileCount(label: string): Promise<number> {
    return Number(((await this.tile(label).locator('.stat-value').textContent()) ?? '').replace(/[^0-9]/g, ''));
  }
}
