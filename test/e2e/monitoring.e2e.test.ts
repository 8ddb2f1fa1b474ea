import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect } from 'vitest';
import { CACHE_FILE_NAME } from '../../src-main/engine/create-engine';
import { haveMonitoringStack, serveMetrics, startMonitoringStack, type MetricsEndpoint, type MonitoringStack } from '../env/prometheus';
import { IMPORT_ERRORS_RULE, simulatedAirflow } from '../env/simulated-airflow-metrics';
import { startSlackReceiver, type SlackReceiver } from '../env/slack-receiver';
import { insertSavedEnvironment } from '../helpers/saved-environment';
import { EnvironmentMonitoringPage } from './pages/EnvironmentMonitoringPage';
import { screenshot } from './screenshots';
import { demoTest } from './demo-test';

/** Messages of every dialog the page opened. */
const dialogs: string[] = [];

const it = demoTest({
  // A saved environment whose Airflow port is closed: monitoring does not need Airflow.
  seed: (app) =>
    insertSavedEnvironment(join(app.dataDir, CACHE_FILE_NAME), {
      id: 'ops-prod',
      name: 'Ops production',
      baseUrl: 'http://127.0.0.1:9',
      color: '#dc2626',
    }),
  onPage: (page) =>
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    }),
});

/** Real Prometheus and Alertmanager on loopback, started here (the e2e project has no peers). */
describe.skipIf(!haveMonitoringStack())('served UI: the environment page shows its monitoring', () => {
  let metrics: MetricsEndpoint;
  let stack: MonitoringStack;
  let slack: SlackReceiver;
  let page: Page;
  let pageErrors: string[] = [];

  it.beforeAll(async ({ session }) => {
    ({ page, pageErrors } = session);
    metrics = await serveMetrics(simulatedAirflow().render);
    [stack, slack] = await Promise.all([
      startMonitoringStack({ metricsTarget: `127.0.0.1:${metrics.port}`, rulesYaml: IMPORT_ERRORS_RULE }),
      startSlackReceiver(),
    ]);
  });

  afterAll(async () => {
    await slack?.close();
    await stack?.stop();
    await metrics?.close();
  });

  it('says "not configured" cleanly before anything is set', async () => {
    const env = new EnvironmentMonitoringPage(page);
    await env.open('ops-prod');
    await env.heading('Ops production').waitFor();
    for (const source of ['Prometheus', 'Alertmanager', 'Grafana', 'slack'] as const) await env.unset(source).waitFor();
    await screenshot(page, 'monitoring-unset');
  });

  it('is configured in its dialog: Test names what answered, Save stores it', async () => {
    const env = new EnvironmentMonitoringPage(page);
    const dialog = await env.configure({
      prometheus: stack.prometheusUrl,
      alertmanager: stack.alertmanagerUrl,
      grafana: 'http://127.0.0.1:3000',
      dashboards: 'Airflow cluster | /d/airflow-cluster/airflow?var-env={env}\nScheduler | /d/airflow-scheduler/scheduler',
      slack: slack.url,
    });
    await dialog.getByRole('button', { name: 'Test' }).click();
    await dialog
      .getByRole('list', { name: 'Test results' })
      .getByText(/Prometheus 2\.\d+/)
      .waitFor();
    await screenshot(page, 'monitoring-settings');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await dialog.waitFor({ state: 'detached' });
  });

  it('shows heartbeats with their age, executor slots, starving tasks, import errors, schedule delay and the alert firing', async () => {
    const env = new EnvironmentMonitoringPage(page);
    await expect.poll(() => env.heartbeat('scheduler').locator('.stat-value').textContent(), { timeout: 20_000 }).toMatch(/^\d+ s ago$/);
    await expect.poll(() => env.heartbeat('scheduler').getAttribute('class')).toContain('beat-ok');
    expect(await env.heartbeat('triggerer').getAttribute('class')).toContain('beat-stale');
    expect(await env.heartbeat('dag_processor').getAttribute('class')).toContain('beat-missing');
    expect(await env.figure('open-slots').textContent()).toBe('28');
    expect(await env.figure('queued-tasks').textContent()).toBe('3');
    expect(await env.figure('running-tasks').textContent()).toBe('4');
    expect(await env.figure('starving-tasks').textContent()).toBe('2');
    expect(await env.figure('import-errors').textContent()).toBe('1');
    await expect.poll(() => env.figure('schedule-delay').textContent(), { timeout: 20_000 }).toBe('2.5 s');

    // The page polls every 15 s; the alert reaches Alertmanager within a few seconds of the first scrape.
    await stack.waitForAlert('AirflowDagImportErrors');
    await page.reload();
    await env.alerts.first().waitFor({ timeout: 20_000 });
    const alert = env.alerts.filter({ hasText: 'AirflowDagImportErrors' });
    await expect.poll(() => alert.count()).toBe(1);
    expect(await alert.locator('.alert-summary').textContent()).toBe('1 DAG file fails to import');
    // Hostile annotation text is shown as text, never run.
    expect(await alert.locator('.alert-description').textContent()).toContain('<script>alert(1)</script>');
    expect(dialogs).toEqual([]);

    expect(await env.grafanaLinks.allTextContents()).toEqual(['Airflow cluster ↗', 'Scheduler ↗']);
    expect(await env.grafanaLinks.first().getAttribute('href')).toBe(
      'http://127.0.0.1:3000/d/airflow-cluster/airflow?var-env=Ops%20production',
    );
    await page.mouse.move(0, 0);
    await screenshot(page, 'monitoring');
    await page.emulateMedia({ colorScheme: 'dark' });
    await screenshot(page, 'monitoring-dark');
    await page.emulateMedia({ colorScheme: 'light' });
  });

  it('sends a Slack test message to the webhook', async () => {
    await page.getByRole('button', { name: 'Send a test message' }).click();
    await page.getByRole('status').filter({ hasText: 'Sent to Slack.' }).waitFor();
    expect(slack.posts).toHaveLength(1);
    expect(slack.posts[0]?.body).toContain('Ops production');
    expect(pageErrors).toEqual([]);
  });
});
