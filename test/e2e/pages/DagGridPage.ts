import type { Locator, Page } from 'playwright-core';

export class DagGridPage {
  constructor(readonly page: Page) {}

  get grid(): Locator {
    return this.page.getByTestId('dag-grid');
  }

  get status(): Locator {
    return this.page.locator('#grid-status');
  }

  get durationChart(): Locator {
    return this.page.locator('.duration-chart svg.duration-svg');
  }

  async scroll(): Promise<{ left: number; top: number; width: number; height: number }> {
    return this.grid.evaluate((el) => ({ left: el.scrollLeft, top: el.scrollTop, width: el.scrollWidth, height: el.scrollHeight }));
  }

  async scrollTo(left: number, top: number): Promise<void> {
    await this.grid.evaluate((el, at) => el.scrollTo(at.left, at.top), { left, top });
  }
}
