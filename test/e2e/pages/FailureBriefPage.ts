import type { Locator, Page } from 'playwright-core';

export class FailureBriefPage {
  constructor(readonly page: Page) {}

  get heading(): Locator {
    return this.page.getByRole('heading', { level: 1, name: 'Failure brief' });
  }

  get task(): Locator {
    return this.page.getByTestId('brief-task');
  }

  get pattern(): Locator {
    return this.page.getByTestId('brief-pattern');
  }

  get errorLine(): Locator {
    return this.page.locator('[data-error-line="true"]');
  }

  get earlierCount(): Locator {
    return this.page.getByTestId('brief-earlier-count');
  }

  /** Run ids of the task's earlier failures with the same pattern. */
  async earlierRunIds(): Promise<string[]> {
    return this.page.getByTestId('brief-earlier').locator('li > a.mono').allTextContents();
  }

  section(name: 'Error' | 'What changed' | 'Impact downstream' | 'Happened before'): Locator {
    return this.page.getByRole('region', { name });
  }
}
