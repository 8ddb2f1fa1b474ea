import type { Locator, Page } from 'playwright-core';

export class RunPage {
  constructor(readonly page: Page) {}

  get heading(): Locator {
    return this.page.getByRole('heading', { level: 1, name: 'Run' });
  }

  get gantt(): Locator {
    return this.page.locator('svg.gantt-svg');
  }

  segments(kind: 'queued' | 'retry' | 'run'): Locator {
    return this.gantt.locator(`rect[data-kind="${kind}"]`);
  }

  get criticalRows(): Locator {
    return this.gantt.locator('g.gantt-row.is-critical');
  }

  get queueTotal(): Locator {
    return this.page.getByTestId('gantt-queue-total');
  }
}
