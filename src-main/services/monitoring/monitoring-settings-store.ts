import type Database from 'better-sqlite3';
import { z } from 'zod';
import { GrafanaDashboard } from '../../../src-shared/domain/monitoring';

export interface StoredMonitoring {
  prometheusUrl: string | null;
  alertmanagerUrl: string | null;
  grafanaUrl: string | null;
  grafanaDashboards: GrafanaDashboard[];
}

interface Row {
  prometheus_url: string | null;
  alertmanager_url: string | null;
  grafana_url: string | null;
  grafana_dashboards_json: string;
}

const EMPTY: StoredMonitoring = { prometheusUrl: null, alertmanagerUrl: null, grafanaUrl: null, grafanaDashboards: [] };

/** Each environment's monitoring URLs (table env_monitoring; removed with the environment). */
export class MonitoringSettingsStore {
  constructor(private readonly db: Database.Database) {}

  get(envId: string): StoredMonitoring {
    const row = this.db
      .prepare('SELECT prometheus_url, alertmanager_url, grafana_url, grafana_dashboards_json FROM env_monitoring WHERE env_id = ?')
      .get(envId) as Row | undefined;
    if (row === undefined) return EMPTY;
    const dashboards = z.array(GrafanaDashboard).safeParse(JSON.parse(row.grafana_dashboards_json));
    return {
      prometheusUrl: row.prometheus_url,
      alertmanagerUrl: row.alertmanager_url,
      grafanaUrl: row.grafana_url,
      grafanaDashboards: dashboards.success ? dashboards.data : [],
    };
  }

  save(envId: string, value: StoredMonitoring): void {
    this.db
      .prepare(
        `INSERT INTO env_monitoring (env_id, prometheus_url, alertmanager_url, grafana_url, grafana_dashboards_json, updated_at)
         VALUES (@envId, @prometheusUrl, @alertmanagerUrl, @grafanaUrl, @dashboards, @at)
         ON CONFLICT (env_id) DO UPDATE SET prometheus_url = excluded.prometheus_url, alertmanager_url = excluded.alertmanager_url,
           grafana_url = excluded.grafana_url, grafana_dashboards_json = excluded.grafana_dashboards_json, updated_at = excluded.updated_at`,
      )
      .run({
        envId,
        prometheusUrl: value.prometheusUrl,
        alertmanagerUrl: value.alertmanagerUrl,
        grafanaUrl: value.grafanaUrl,
        dashboards: JSON.stringify(value.grafanaDashboards),
        at: new Date().toISOString(),
      });
  }

  remove(envId: string): void {
    this.db.prepare('DELETE FROM env_monitoring WHERE env_id = ?').run(envId);
  }
}
