import type { Locator, Page } from 'playwright-core';

export class AnomaliesPage {
  constructor(readonly page: Page) {}

  get heading(): Locator {
    return this.page.getByRole('heading', { level: 1, name: 'Anomalies' });
  }

  get items(): Locator {
    return this.page.getByRole('list', { name: 'Anomalies, latest first, then by severity' }).getByRole('button');
  }

  get explanation(): Locator {
    return this.page.getByRole('article', { name: 'Explanation' });
  }

  get chart(): Locator {
    return this.explanation.locator('svg.explain-chart');
  }

  kindFilter(): Locator {
    return this.page.getByRole('group', { name: 'Filter anomalies' }).getByLabel('Kind');
  }

  get patterns(): Locator {
    return this.page.getByRole('list', { name: 'Error patterns' }).getByRole('button');
  }
}
