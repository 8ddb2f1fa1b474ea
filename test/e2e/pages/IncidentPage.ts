import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { Locator, Page } from 'playwright-core';

/** The newest failed run of the served Demo, read from its cache file. */
export function newestFailedRun(dataDir: string): { dag_id: string; run_id: string } {
  const db = new Database(join(dataDir, 'cache.sqlite'), { readonly: true });
  try {
    return db
      .prepare("SELECT dag_id, run_id FROM dag_runs WHERE env_id = 'demo' AND state = 'failed' ORDER BY start_date DESC LIMIT 1")
      .get() as { dag_id: string; run_id: string };
  } finally {
    db.close();
  }
}

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

  /** From a run's page: "Pin to incident", open a new incident with it pinned, and go to that incident's page. */
  async openFromRun(run: { dag_id: string; run_id: string }): Promise<void> {
    await this.page.evaluate(
      (h) => (window.location.hash = h),
      `#/run?env=demo&dag=${encodeURIComponent(run.dag_id)}&run=${encodeURIComponent(run.run_id)}`,
    );
    await this.pinButton.click();
    await this.dialog.getByRole('button', { name: 'Open incident and pin' }).click();
    await this.dialog.getByRole('link', { name: 'Open the incident' }).click();
    await this.heading.waitFor();
  }

  timelineKind(kind: string): Locator {
    return this.page.locator(`.incident-timeline li.tl-${kind}`);
  }
}
