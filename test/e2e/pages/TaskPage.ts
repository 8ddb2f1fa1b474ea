import type { Locator, Page } from 'playwright-core';

export class TaskPage {
  constructor(readonly page: Page) {}

  get heading(): Locator {
    return this.page.getByRole('heading', { level: 1, name: 'Task instance' });
  }

  get tries(): Locator {
    return this.page.locator('table.tries-table tbody tr');
  }

  get log(): Locator {
    return this.page.locator('section.log-viewer');
  }

  get search(): Locator {
    return this.page.getByRole('searchbox', { name: 'Search the log' });
  }

  get matchCount(): Locator {
    return this.log.locator('.log-match-count');
  }

  get matchedLines(): Locator {
    return this.log.locator('li.log-line.is-match');
  }

  get errorLines(): Locator {
    return this.log.locator('li.log-line.is-error');
  }

  async jumpToTraceback(): Promise<void> {
    await this.page.getByRole('button', { name: 'Jump to first traceback' }).click();
  }
}
