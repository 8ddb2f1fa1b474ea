import { readFileSync } from 'node:fs';
import { describe, expect } from 'vitest';
import type { Page } from 'playwright-core';
import { IncidentPage, newestFailedRun } from './pages/IncidentPage';
import { screenshot } from './screenshots';
import { demoTest } from './demo-test';
import type { ServedApp } from './served-app';

const it = demoTest({ context: { acceptDownloads: true }, waitForOverview: true });

describe('served UI: an incident from a failed run, and its report', () => {
  let app: ServedApp;
  let page: Page;
  let pageErrors: string[] = [];

  it.beforeAll(({ session }) => {
    ({ app, page, pageErrors } = session);
  });

  it('pins a failed run to a new incident, shows its timeline, and downloads its HTML report', async () => {
    const run = newestFailedRun(app.dataDir);
    const incident = new IncidentPage(page);
    await incident.openFromRun(run);
    await expect.poll(() => incident.pinCards.count()).toBe(1);
    await incident.timelineKind('first_failure').first().waitFor();
    expect(await incident.timelineKind('pin').count()).toBe(1);
    await page.getByRole('combobox', { name: 'Status' }).selectOption('mitigated');
    await incident.timelineKind('status').first().waitFor();
    await screenshot(page, 'incident');

    await page.getByRole('button', { name: 'Report…' }).click();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      incident.dialog.getByRole('button', { name: 'Download' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^incident-.*\.html$/);
    const html = readFileSync(await download.path(), 'utf8');
    expect(html).toContain('Content-Security-Policy');
    expect(html).toContain(run.run_id);
    expect(html).not.toMatch(/<script/i);
    expect(pageErrors).toEqual([]);
  });
});
