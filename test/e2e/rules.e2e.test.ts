import { describe, expect } from 'vitest';
import type { Page } from 'playwright-core';
import { readDemoLabels } from './demo-labels';
import { AnomaliesPage } from './pages/AnomaliesPage';
import { RulesSection } from './pages/RulesSection';
import { screenshot } from './screenshots';
import { demoTest } from './demo-test';
import type { ServedApp } from './served-app';

const it = demoTest();

describe('served UI: rules in Settings, and acknowledge / mute on Anomalies', () => {
  let app: ServedApp;
  let page: Page;
  let pageErrors: string[] = [];

  it.beforeAll(({ session }) => {
    ({ app, page, pageErrors } = session);
  });

  it('creates a rule whose 30-day preview shows the injected incidents, and lists it', async () => {
    const deploy = readDemoLabels(app.dataDir).find((l) => l.kind === 'bad_deploy');
    expect(deploy).toBeDefined();
    await page.evaluate(() => (window.location.hash = '#/settings'));
    const rules = new RulesSection(page);
    await rules.region.waitFor();
    const editor = await rules.openNew();
    await editor.getByLabel('Name', { exact: true }).fill('Two failed runs in a row');
    await editor.getByLabel('When').selectOption('dag_failed_in_a_row');
    await editor.getByLabel('Runs in a row').fill('2');
    await editor.getByLabel('Proposed action').selectOption('pause_dag');
    await expect.poll(() => rules.previewFirings.count(), { timeout: 60_000 }).toBeGreaterThanOrEqual(1);
    await expect.poll(() => rules.preview.textContent()).toContain(deploy?.dagId ?? '?');
    await screenshot(page, 'rules-editor-preview');

    // Another condition: bad deploys of any severity: the same incident, found by the detector.
    await editor.getByLabel('When').selectOption('anomaly');
    await editor.getByLabel('Anomaly kind').selectOption('bad_deploy');
    await editor.getByLabel('Severity at least').selectOption('low');
    await editor.getByLabel('Name', { exact: true }).fill('Bad deploys');
    await expect.poll(() => rules.preview.textContent(), { timeout: 30_000 }).toContain('broke');
    await editor.getByRole('button', { name: 'Save rule' }).click();
    await editor.waitFor({ state: 'detached' });
    await expect.poll(() => rules.rules.count()).toBe(1);
    expect(await rules.rules.first().textContent()).toContain('Bad deploy at low severity or higher');
    await rules.region.getByText(/Firings in Demo/).click();
    await expect.poll(() => rules.region.getByRole('list', { name: 'Rule firings' }).textContent()).toContain(deploy?.dagId ?? '?');
    await rules.region.scrollIntoViewIfNeeded();
    await screenshot(page, 'rules-settings');
    expect(pageErrors).toEqual([]);
  });

  it('mutes a task on the Anomalies page: hidden by default, back with the toggle', async () => {
    await page.evaluate(() => (window.location.hash = '#/anomalies'));
    const anomalies = new AnomaliesPage(page);
    await anomalies.heading.waitFor();
    await page.getByRole('group', { name: 'Filter anomalies' }).getByLabel('Window').selectOption('3650');
    await expect.poll(() => anomalies.items.count(), { timeout: 60_000 }).toBeGreaterThanOrEqual(3);
    const before = await anomalies.items.count();
    const first = (await anomalies.items.first().textContent()) ?? '';
    const marks = page.getByRole('group', { name: 'Acknowledge or mute' });
    await marks.getByRole('button', { name: 'Acknowledge' }).click();
    await expect.poll(() => anomalies.items.first().textContent()).toContain('acknowledged');
    await marks.getByRole('button', { name: 'Mute task' }).click();
    await expect.poll(() => anomalies.items.count()).toBeLessThan(before);
    expect(await anomalies.items.first().textContent()).not.toBe(first);
    const toggle = page.getByLabel(/Show muted tasks/);
    await toggle.check();
    await expect.poll(() => anomalies.items.count()).toBe(before);
    await expect.poll(async () => (await anomalies.items.allTextContents()).some((t) => t.includes('muted'))).toBe(true);
    await screenshot(page, 'anomalies-muted');
    expect(pageErrors).toEqual([]);
  });
});
