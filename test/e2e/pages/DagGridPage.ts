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

  /** How many rows the grid shows under its current folding. */
  async rowCount(): Promise<number> {
    return Number(await this.grid.getAttribute('data-rows'));
  }

  /** The fold button of a task group (its id) or of a mapped task (`<task id> map indexes`) above the grid. */
  foldButton(name: string): Locator {
    return this.page.getByRole('group', { name: 'Fold rows of the grid' }).getByRole('button', { name, exact: true });
  }

  async scrollTo(left: number, top: number): Promise<void> {
    await this.grid.evaluate((el, at) => el.scrollTo(at.left, at.top), { left, top });
  }
}
