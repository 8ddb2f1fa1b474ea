import type { Locator, Page } from 'playwright-core';

/** Incidents & reports: the pin dialog, an incident's page and the report export dialog. */
export class IncidentPage {
  constructor(readonly page: Page) {}

  get pinButton(): Locator {
    return this.page.getByRole('button', { name: 'Pin to incident' });
  }

  get dialog(): Locator {
    return this.page.getByRole('dialog');
  }

  get heading(): Locator {
    return this.page.getByRole('heading', { level: 1, name: 'Incident' });
  }

  get pinCards(): Locator {
    return this.page.locator('article.pin-card');
  }

  get timelineEntries(): Locator {
    return this.page.locator('.incident-timeline li.tl-entry');
  }

  timelineKind(kind: string): Locator {
    return this.page.locator(`.incident-timeline li.tl-${kind}`);
  }
}
