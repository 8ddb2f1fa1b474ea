import type { Locator, Page } from 'playwright-core';

export class LineagePage {
  constructor(readonly page: Page) {}

  get heading(): Locator {
    return this.page.getByRole('heading', { level: 1, name: 'Lineage' });
  }

  get svg(): Locator {
    return this.page.locator('svg.lineage-svg');
  }

  node(name: string): Locator {
    return this.svg.locator(`g.lineage-node[data-name="${name}"]`);
  }

  edges(kind: 'task' | 'produces' | 'consumes' | 'triggers'): Locator {
    return this.svg.locator(`path.lineage-edge.edge-${kind}`);
  }

  async open(origin: string, query: string): Promise<void> {
    await this.page.evaluate((hash) => (window.location.hash = hash), `#/lineage?${query}`);
    await this.heading.waitFor();
    await this.svg.locator('g.lineage-node').first().waitFor({ timeout: 60_000 });
    void origin;
  }

  async namesWithClass(cls: string): Promise<string[]> {
    return this.svg.locator(`g.lineage-node.${cls}`).evaluateAll((els) => els.map((e) => e.getAttribute('data-name') ?? ''));
  }
}
