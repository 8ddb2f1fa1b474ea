import type { Locator, Page } from 'playwright-core';

/** `#/environment?env=...`: the monitoring panel and its settings dialog. */
export class EnvironmentMonitoringPage {
  constructor(readonly page: Page) {}

  async open(envId: string): Promise<void> {
    await this.page.evaluate((id) => {
      window.location.hash = `#/environment?env=${id}`;
    }, envId);
  }

  heading(name: string): Locator {
    return this.page.getByRole('heading', { level: 1, name });
  }

  unset(source: 'Prometheus' | 'Alertmanager' | 'Grafana' | 'slack'): Locator {
    return this.page.locator(`[data-unset="${source}"]`);
  }

  heartbeat(component: 'scheduler' | 'triggerer' | 'dag_processor'): Locator {
    return this.page.getByRole('list', { name: 'Heartbeats' }).locator(`[data-component="${component}"]`);
  }

  figure(id: string): Locator {
    return this.page.getByRole('list', { name: 'Executor and scheduler' }).locator(`[data-figure="${id}"] .stat-value`);
  }

  get alerts(): Locator {
    return this.page.getByRole('list', { name: 'Alerts firing' }).getByRole('listitem');
  }

  get grafanaLinks(): Locator {
    return this.page.getByRole('list', { name: 'Grafana dashboards' }).getByRole('link');
  }

  get settingsDialog(): Locator {
    return this.page.getByRole('dialog', { name: /^Monitoring of / });
  }

  async configure(values: {
    prometheus: string;
    alertmanager: string;
    grafana: string;
    dashboards: string;
    slack: string;
  }): Promise<Locator> {
    await this.page.getByRole('button', { name: 'Monitoring settings' }).click();
    const d = this.settingsDialog;
    await d.getByLabel('Prometheus URL').fill(values.prometheus);
    await d.getByLabel('Alertmanager URL').fill(values.alertmanager);
    await d.getByLabel('Grafana URL').fill(values.grafana);
    await d.getByLabel('Grafana dashboards').fill(values.dashboards);
    await d.getByLabel('Slack incoming webhook').fill(values.slack);
    return d;
  }
}
