import { createServer } from 'node:net';
import { describe, expect } from 'vitest';
import type { Page } from 'playwright-core';
import { AppFrame } from './pages/AppFrame';
import { CommandPalette } from './pages/CommandPalette';
import { SettingsPage } from './pages/SettingsPage';
import { screenshot } from './screenshots';
import { demoTest } from './demo-test';

const PASSWORD = 'hunter2-e2e-secret';

/** A loopback port nothing listens on: bind one, read it, close it. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

const importYaml = (port: number): string => `environments:
  - name: staging-imported
    color: "#16a34a"
    baseUrl: http://127.0.0.1:${port}
    auth:
      kind: password
      username: orc
    readOnly: true
    historyDays: 30
  - name: broken-entry
    color: "#2563eb"
    baseUrl: ftp://not-http.example.com
    auth:
      kind: none
`;

const it = demoTest();

describe('served UI: environments in Settings', () => {
  let page: Page;
  let settings: SettingsPage;
  let port: number;
  let pageErrors: string[] = [];

  it.beforeAll(async ({ session }) => {
    ({ page, pageErrors } = session);
    port = await closedPort();
    settings = new SettingsPage(page);
    await new AppFrame(page).environmentButton.waitFor({ timeout: 60_000 });
    await settings.open();
  });

  it('tests a draft against a closed port and shows the refused message with its hint', async () => {
    expect(await settings.environmentNames()).toEqual(['Demo']);
    const dialog = await settings.openAdd();
    await settings.fill(dialog, 'Name', 'local-closed');
    await settings.fill(dialog, 'Base URL', `http://127.0.0.1:${port}`);
    await settings.fill(dialog, 'User name', 'admin');
    await settings.fill(dialog, 'Password', PASSWORD);
    await dialog.getByRole('button', { name: 'Test connection' }).click();
    const result = dialog.getByRole('alert', { name: 'Connection test result' });
    await result.waitFor();
    const text = (await result.textContent()) ?? '';
    expect(text).toContain('Connection failed');
    expect(text).toContain('Nothing accepts connections at this host and port');
    expect(text).toContain('Failing call');
    await screenshot(page, 'settings-add-refused');
  });

  it('refuses a URL that is not http(s) inline', async () => {
    const dialog = settings.dialog('Add environment');
    await settings.fill(dialog, 'Base URL', 'ftp://airflow.example.com');
    await dialog.getByText('Enter an http(s) URL without credentials').waitFor();
    expect(await dialog.getByLabel('Base URL', { exact: true }).getAttribute('aria-invalid')).toBe('true');
    // Save does nothing while the form is invalid.
    await dialog.getByRole('button', { name: 'Save' }).click();
    expect(await dialog.getByText('Not saved').count()).toBe(0);
  });

  it('refuses to save when the connection fails, keeps the form and adds nothing', async () => {
    const dialog = settings.dialog('Add environment');
    await settings.fill(dialog, 'Base URL', `http://127.0.0.1:${port}`);
    await dialog.getByRole('button', { name: 'Save' }).click();
    const refused = dialog.getByRole('alert').filter({ hasText: 'Not saved' });
    await refused.waitFor();
    expect(await refused.textContent()).toContain('Nothing accepts connections at this host and port');
    expect(await dialog.getByLabel('Name', { exact: true }).inputValue()).toBe('local-closed');
    await screenshot(page, 'settings-add-not-saved');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'detached' });
    expect(await settings.environmentNames()).toEqual(['Demo']);
  });

  it('imports one valid and one invalid entry', async () => {
    const dialog = await settings.openImport();
    await dialog.getByLabel('Or paste the file here').fill(importYaml(port));
    await dialog.getByRole('button', { name: 'Import' }).click();
    const added = dialog.getByRole('list', { name: 'Added environments' });
    await added.waitFor();
    expect(await added.getByRole('listitem').count()).toBe(1);
    expect(await added.textContent()).toContain('staging-imported');
    expect(await added.textContent()).toContain('credentials needed');
    const failed = dialog.getByRole('list', { name: 'Failed entries' });
    expect(await failed.getByRole('listitem').count()).toBe(1);
    const failure = (await failed.textContent()) ?? '';
    expect(failure).toContain('Entry 2: broken-entry');
    expect(failure).toContain('baseUrl');
    await screenshot(page, 'settings-import');
    await dialog.getByRole('button', { name: 'Close', exact: true }).last().click();
    await dialog.waitFor({ state: 'detached' });

    const row = settings.environment('staging-imported');
    await row.waitFor();
    expect(await row.textContent()).toContain('credentials needed');
    expect(await row.textContent()).toContain('never synced');
    await expect.poll(() => new AppFrame(page).statusBar.textContent()).toContain('staging-imported');
  });

  it('exports YAML without any secret', async () => {
    const dialog = await settings.openExport();
    const area = dialog.getByRole('textbox', { name: 'Exported environments' });
    await expect.poll(() => area.inputValue()).toContain('staging-imported');
    const text = await area.inputValue();
    expect(text).toContain('environments:');
    expect(text).toContain('username: orc');
    expect(text).not.toMatch(/password:|token:/);
    expect(text).not.toContain(PASSWORD);
    expect(await dialog.textContent()).toContain('No passwords or tokens are included');
    const download = dialog.getByRole('link', { name: /^Download/ });
    expect(await download.getAttribute('download')).toBe('orc-environments.yaml');
    expect(await download.getAttribute('href')).toMatch(/^blob:/);
    await screenshot(page, 'settings-export');
    await dialog.getByRole('button', { name: 'Close', exact: true }).last().click();
    await dialog.waitFor({ state: 'detached' });
  });

  it('syncs an environment that cannot connect: the failure is shown in its row and in the status bar', async () => {
    const row = settings.environment('staging-imported');
    await row.getByRole('button', { name: 'Sync now' }).click();
    const failure = row.getByRole('note', { name: 'Last sync of staging-imported failed' });
    await failure.waitFor();
    expect(await failure.textContent()).toContain('Last sync failed:');
    const status = new AppFrame(page).statusBar.locator('li', { hasText: 'staging-imported' });
    expect(await status.getAttribute('title')).toMatch(/^Last sync failed: /);
    expect(await status.getByRole('img', { name: /^Last sync failed: / }).count()).toBe(1);
    // Both sync buttons are back once the job has ended.
    await row.getByRole('button', { name: 'Full sync' }).waitFor();
  });

  it('offers environment commands in the palette and lists the new environment in the switcher', async () => {
    const palette = new CommandPalette(page);
    await palette.open();
    await palette.input.fill('sync staging');
    await palette.dialog.getByRole('option', { name: /Sync staging-imported/ }).waitFor();
    await palette.input.fill('import env');
    await palette.dialog.getByRole('option', { name: /Import environments/ }).waitFor();
    await page.keyboard.press('Enter');
    const dialog = settings.dialog('Import environments');
    await dialog.waitFor();
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });

    const frame = new AppFrame(page);
    await frame.environmentButton.click();
    const menu = page.getByRole('banner').getByRole('list', { name: 'Environments' });
    await menu.getByRole('button', { name: /staging-imported/ }).waitFor();
    expect(await menu.getByRole('button').count()).toBe(2);
    await screenshot(page, 'env-switcher');
    await page.keyboard.press('Escape');
  });

  it('shows the Environments section with both environments', async () => {
    await settings.environment('staging-imported').waitFor();
    await screenshot(page, 'settings-environments');
    const frame = new AppFrame(page);
    const themes = page.getByRole('radiogroup', { name: 'Theme' });
    await themes.getByText('Dark', { exact: true }).click();
    await expect.poll(() => frame.appliedTheme()).toBe('dark');
    await screenshot(page, 'settings-environments-dark');
    await themes.getByText('Light', { exact: true }).click();
    await expect.poll(() => frame.appliedTheme()).toBe('light');
    expect(pageErrors).toEqual([]);
  });

  it('edits with the stored settings and a write-only password field', async () => {
    await settings.environment('staging-imported').getByRole('button', { name: 'Edit staging-imported' }).click();
    const dialog = settings.dialog('Edit staging-imported');
    await dialog.getByLabel('User name', { exact: true }).waitFor();
    expect(await dialog.getByLabel('User name', { exact: true }).inputValue()).toBe('orc');
    expect(await dialog.getByLabel('History to keep (days)', { exact: true }).inputValue()).toBe('30');
    const password = dialog.getByLabel('Password', { exact: true });
    expect(await password.inputValue()).toBe('');
    expect(await password.getAttribute('placeholder')).toBe('not set yet');
    await screenshot(page, 'settings-edit');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'detached' });
  });

  it('removes an environment only after its name is typed', async () => {
    await settings.environment('staging-imported').getByRole('button', { name: 'Remove staging-imported' }).click();
    const dialog = settings.dialog('Remove staging-imported?');
    await dialog.waitFor();
    const confirm = dialog.getByRole('button', { name: 'Remove environment' });
    expect(await confirm.isDisabled()).toBe(true);
    await dialog.getByLabel(/to confirm/).fill('staging');
    expect(await confirm.isDisabled()).toBe(true);
    await dialog.getByLabel(/to confirm/).fill('staging-imported');
    await screenshot(page, 'settings-remove');
    await confirm.click();
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => settings.environmentNames()).toEqual(['Demo']);
    expect(pageErrors).toEqual([]);
  });
});
