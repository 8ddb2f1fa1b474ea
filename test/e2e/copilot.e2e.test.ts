import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect } from 'vitest';
import type { Page } from 'playwright-core';
import { writeBrokenModels } from '../helpers/tiny-gguf/broken-models';
import { TINY_MODEL_FILE, writeTinyModel } from '../helpers/tiny-gguf/tiny-model-file';
import { CopilotPage } from './pages/CopilotPage';
import { IncidentPage, newestFailedRun } from './pages/IncidentPage';
import { OverviewPage } from './pages/OverviewPage';
import { screenshot } from './screenshots';
import { demoTest } from './demo-test';
import type { ServedApp } from './served-app';

// The model host inherits these: CPU build, one thread (small shared test machines).
process.env.ORC_LLM_GPU = 'cpu';
process.env.ORC_LLM_THREADS = '1';

const it = demoTest();

describe('served UI: Copilot with the tiny test model', () => {
  let app: ServedApp;
  let page: Page;
  let pageErrors: string[] = [];

  it.beforeAll(({ session }) => {
    ({ app, page, pageErrors } = session);
  });

  it('explains how to get a model while the rest of the app keeps working', async () => {
    await new OverviewPage(page).waitForDags(10);
    await page.evaluate(() => (window.location.hash = '#/copilot'));
    const copilot = new CopilotPage(page);
    await copilot.heading.waitFor();
    await copilot.noModel.waitFor();
    expect(await copilot.noModel.textContent()).toMatch(/never downloads models/);
    await screenshot(page, 'copilot-no-model');

    // No dead end: without a model the failure brief answers a "why did it fail" question.
    const failed = newestFailedRun(app.dataDir);
    await copilot.question.fill(`why did ${failed.dag_id} fail?`);
    await copilot.ask.click();
    await copilot.brief.first().waitFor({ timeout: 30_000 });
    await expect.poll(() => copilot.answers.first().getAttribute('data-state'), { timeout: 30_000 }).toBe('done');
    expect(await copilot.answers.first().locator('.answer-text').textContent()).toMatch(/^Run .* failed/);
    expect(await copilot.brief.first().getByRole('link', { name: 'Open the failure brief' }).count()).toBe(1);
    await screenshot(page, 'copilot-brief-without-model');
    await page.getByRole('link', { name: 'New conversation' }).click();
    await expect.poll(() => copilot.answers.count()).toBe(0);
  });

  it('lists the folder, loads the model on the CPU, streams an answer and stops one', async () => {
    const dir = join(app.dataDir, 'models');
    mkdirSync(dir, { recursive: true });
    writeBrokenModels(dir, writeTinyModel(dir));
    const copilot = new CopilotPage(page);
    await copilot.setFolder(dir);
    await copilot.model(TINY_MODEL_FILE).waitFor();
    expect(await copilot.model('not-a-model.gguf').textContent()).toMatch(/not a GGUF file/);
    expect(await copilot.model(TINY_MODEL_FILE).textContent()).toMatch(/llama · .* parameters · F32 · context 4096 · chat template/);
    await copilot.model(TINY_MODEL_FILE).getByRole('button', { name: 'Load' }).click();
    await copilot.loadedStatus.waitFor({ timeout: 60_000 });
    expect(await copilot.loadedStatus.textContent()).toMatch(/on CPU/);

    await copilot.question.fill(`why did ${newestFailedRun(app.dataDir).dag_id} fail?`);
    await copilot.ask.click();
    await copilot.page.locator('.copilot-tps').first().waitFor({ timeout: 60_000 });
    expect(await copilot.answers.first().locator('.copilot-stats').textContent()).toMatch(/\d+(\.\d)? tokens\/s/);
    expect(page.url()).toMatch(/#\/copilot\?(.*&)?conversation=/);
    await screenshot(page, 'copilot-answer');

    await copilot.question.fill('tell me everything you know');
    await copilot.ask.click();
    // The Stop click must land (a failed click fails the test) and the answer must say it stopped.
    await copilot.stop.click({ timeout: 10_000 });
    await expect.poll(async () => copilot.answers.count(), { timeout: 60_000 }).toBe(2);
    await expect.poll(async () => copilot.ask.isVisible(), { timeout: 60_000 }).toBe(true);
    await expect.poll(async () => copilot.answers.nth(1).getAttribute('data-state'), { timeout: 10_000 }).toBe('stopped');
    expect(await copilot.answers.nth(1).textContent()).toContain('Stopped.');
    expect(pageErrors).toEqual([]);
  });

  it('opens the copilot from an incident: the new conversation is about the incident and listed on its page', async () => {
    const incident = new IncidentPage(page);
    await incident.openFromRun(newestFailedRun(app.dataDir));
    const title = (await page.locator('.incident-head h2').textContent()) ?? '';

    await page.getByRole('link', { name: 'Ask the copilot' }).click();
    const copilot = new CopilotPage(page);
    await copilot.heading.waitFor();
    await expect.poll(() => copilot.aboutIncident.textContent()).toContain(`About incident: ${title}`);
    await copilot.question.fill('what happened?');
    await copilot.ask.click();
    await expect.poll(() => page.url()).toMatch(/#\/copilot\?(.*&)?conversation=/);
    await expect.poll(() => copilot.aboutIncident.textContent()).toBe(`About incident: ${title}`);
    await expect.poll(async () => copilot.ask.isVisible(), { timeout: 60_000 }).toBe(true);
    expect(await copilot.page.locator('.copilot-conversations .copilot-incident-mark').count()).toBeGreaterThan(0);
    await screenshot(page, 'copilot-incident');

    await copilot.aboutIncident.getByRole('link', { name: title }).click();
    await incident.heading.waitFor();
    await expect
      .poll(() => page.getByRole('region', { name: 'Copilot conversations' }).getByRole('link', { name: 'what happened?' }).count())
      .toBe(1);
    await screenshot(page, 'incident-conversations');
    expect(pageErrors).toEqual([]);
  });
});
