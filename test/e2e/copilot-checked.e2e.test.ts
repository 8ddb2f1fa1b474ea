import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect } from 'vitest';
import type { Page } from 'playwright-core';
import type { GenerateRequest } from '../../src-main/services/llm/host/host-protocol';
import { forkLauncher } from '../../src-main/services/llm/host-launcher';
import { TINY_MODEL_FILE, writeTinyModel } from '../helpers/tiny-gguf/tiny-model-file';
import { CopilotPage } from './pages/CopilotPage';
import { newestFailedRun } from './pages/IncidentPage';
import { OverviewPage } from './pages/OverviewPage';
import { screenshot } from './screenshots';
import { scriptedModelHost } from './scripted-model-host';
import { demoTest } from './demo-test';
import type { ServedApp } from './served-app';

/** The scripted model: it chooses list_failures for a DAG nobody has, then answers; its prose names a task in no result. */
const HALLUCINATED = 'ghost_loader_task';
function script(request: GenerateRequest): string {
  const offered = (request.jsonSchema as { properties?: { tool?: { enum?: string[] } } } | null)?.properties?.tool?.enum;
  if (offered !== undefined) return JSON.stringify({ tool: offered.includes('answer') ? 'answer' : 'list_failures' });
  if (request.jsonSchema !== null) return JSON.stringify({ days: 1, dagId: 'ledger_close' });
  return `The run failed because ${HALLUCINATED} could not reach the database. `;
}

const it = demoTest({
  app: { llmLauncher: scriptedModelHost(forkLauncher(undefined, { ORC_LLM_GPU: 'cpu', ORC_LLM_THREADS: '1' }), script) },
});

describe('served UI: Copilot answers checked against the data (scripted model)', () => {
  let app: ServedApp;
  let page: Page;
  let pageErrors: string[] = [];

  it.beforeAll(async ({ session }) => {
    ({ app, page, pageErrors } = session);
    await new OverviewPage(page).waitForDags(10);
    await page.evaluate(() => (window.location.hash = '#/copilot'));
    const copilot = new CopilotPage(page);
    const dir = join(app.dataDir, 'models');
    mkdirSync(dir, { recursive: true });
    writeTinyModel(dir);
    await copilot.setFolder(dir);
    await copilot.model(TINY_MODEL_FILE).getByRole('button', { name: 'Load' }).click();
    await copilot.loadedStatus.waitFor({ timeout: 60_000 });
  });

  it('shows the brief first, and marks a task id the model made up as not found in the data, never as a plain claim', async () => {
    const copilot = new CopilotPage(page);
    const failed = newestFailedRun(app.dataDir);
    await copilot.question.fill(`why did ${failed.dag_id} fail?`);
    await copilot.ask.click();
    await expect.poll(() => copilot.answers.first().getAttribute('data-state'), { timeout: 60_000 }).toBe('done');
    const answer = copilot.answers.first();
    expect(await answer.locator('.copilot-brief').count()).toBe(1);
    const marked = answer.locator('.claim-unsupported');
    expect(await marked.textContent()).toBe(`${HALLUCINATED} (not found in the data)`);
    // Every mention of the made-up id in the answer is inside the mark.
    const plain = await answer.locator('.answer-text').evaluate((el, id) => {
      const clone = el.cloneNode(true) as HTMLElement;
      clone.querySelectorAll('.claim-unsupported').forEach((m) => m.remove());
      return clone.textContent?.includes(id) ?? true;
    }, HALLUCINATED);
    expect(plain).toBe(false);
    expect(await answer.locator('.copilot-steps summary').textContent()).toContain('Claim check');
    await answer.locator('.copilot-steps summary').click();
    expect(await answer.locator('.copilot-step-check').textContent()).toMatch(/1 not found in the data \(ghost_loader_task\)/);
    await screenshot(page, 'copilot-claim-not-found');
    expect(pageErrors).toEqual([]);
  });

  it('says it does not know when the data has nothing, and what it looked at', async () => {
    const copilot = new CopilotPage(page);
    await copilot.question.fill('did the ledger_close DAG fail today?');
    await copilot.ask.click();
    await expect.poll(() => copilot.answers.count(), { timeout: 30_000 }).toBe(2);
    await expect.poll(() => copilot.answers.nth(1).getAttribute('data-state'), { timeout: 60_000 }).toBe('done');
    const text = (await copilot.answers.nth(1).locator('.answer-text').textContent()) ?? '';
    expect(text).toMatch(/^I do not know/);
    expect(text).toContain('I looked at:');
    expect(text).toContain('list_failures {"days":1,"dagId":"ledger_close"}: no failed runs');
    expect(text).not.toContain(HALLUCINATED);
    await screenshot(page, 'copilot-does-not-know');
    expect(pageErrors).toEqual([]);
  });
});
