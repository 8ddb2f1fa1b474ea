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

  /** The page root; it says which drawing is on (`data-render-mode`) and which node is traced (`data-hovered`). */
  get root(): Locator {
    return this.page.locator('.lineage-page');
  }

  get raster(): Locator {
    return this.page.locator('canvas.lineage-raster');
  }

  get minimap(): Locator {
    return this.page.getByTestId('lineage-minimap');
  }

  get traceStatus(): Locator {
    return this.page.getByTestId('lineage-trace-status');
  }

  get panel(): Locator {
    return this.page.getByRole('complementary', { name: 'Node details' });
  }

  /** Opens a scope drawn on a canvas (no SVG nodes to wait for). */
  async openLarge(query: string): Promise<void> {
    await this.page.evaluate((hash) => (window.location.hash = hash), `#/lineage?${query}`);
    await this.heading.waitFor();
    await this.raster.waitFor({ timeout: 60_000 });
  }

  /** Finds a node by name (and environment, where the scope spans several) and focuses the view on it. */
  async findAndFocus(name: string, envId?: string): Promise<void> {
    await this.page.getByRole('searchbox', { name: 'Find a node' }).fill(name);
    const matches = this.page.getByRole('list', { name: 'Matching nodes' }).getByRole('button').filter({ hasText: name });
    await (envId === undefined ? matches : matches.filter({ hasText: `· ${envId}` })).first().click();
    await this.page.getByRole('searchbox', { name: 'Find a node' }).fill('');
  }

  async namesWithClass(cls: string): Promise<string[]> {
    return this.svg.locator(`g.lineage-node.${cls}`).evaluateAll((els) => els.map((e) => e.getAttribute('data-name') ?? ''));
  }
}
