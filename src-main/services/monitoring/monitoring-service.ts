import type {
  MonitoringDraft,
  MonitoringSettings,
  MonitoringSnapshot,
  MonitoringTestResult,
  SourceFailure,
} from '../../../src-shared/domain/monitoring';
import { grafanaHealth, grafanaLinks } from './grafana-links';
import { MonitoringSourceError } from './monitoring-http';
import type { MonitoringSettingsStore, StoredMonitoring } from './monitoring-settings-store';
import { PrometheusClient } from './prometheus-client';
import { alertmanagerVersion, readAlerts } from './read-alerts';
import { readFigures } from './read-figures';

function failure(error: unknown): SourceFailure {
  if (error instanceof MonitoringSourceError) return { ok: false, problem: error.problem, message: error.message, hint: error.hint };
  throw error;
}

/** Runs one source's read; an unreachable source becomes a failure the page shows, never an exception. */
async function guarded<T>(url: string | null, read: (url: string) => Promise<T>): Promise<T | SourceFailure | null> {
  if (url === null) return null;
  try {
    return await read(url);
  } catch (error) {
    return failure(error);
  }
}

/** Where an environment's alert notifications go (services/slack implements it); monitoring only sets and reads it. */
export interface AlertWebhooks {
  configured(envId: string): boolean;
  setWebhook(envId: string, url: string | null): Promise<void>;
  forget(envId: string): void;
}

/**
 * An environment's monitoring: where its Prometheus, Alertmanager and Grafana live (URLs the user
 * configured, nothing else is ever requested) and what they say now. The Slack webhook lives in the vault.
 */
export class MonitoringService {
  constructor(
    private readonly store: MonitoringSettingsStore,
    private readonly slack: AlertWebhooks,
    private readonly now: () => number = Date.now,
  ) {}

  settings(envId: string): MonitoringSettings {
    return { envId, ...this.store.get(envId), slack: { configured: this.slack.configured(envId) } };
  }

  async save(draft: MonitoringDraft): Promise<MonitoringSettings> {
    const { envId, slackWebhookUrl, ...urls } = draft;
    if (slackWebhookUrl !== undefined) await this.slack.setWebhook(envId, slackWebhookUrl);
    this.store.save(envId, urls);
    return this.settings(envId);
  }

  forget(envId: string): void {
    this.store.remove(envId);
    this.slack.forget(envId);
  }

  async snapshot(env: { id: string; name: string }): Promise<MonitoringSnapshot> {
    const s = this.store.get(env.id);
    const [prometheus, alertmanager] = await Promise.all([
      guarded(s.prometheusUrl, (url) => readFigures(new PrometheusClient(url), this.now())),
      guarded(s.alertmanagerUrl, readAlerts),
    ]);
    return {
      envId: env.id,
      at: new Date(this.now()).toISOString(),
      prometheus,
      alertmanager,
      grafana: s.grafanaUrl === null ? null : grafanaLinks(s.grafanaUrl, s.grafanaDashboards, env),
      slack: { configured: this.slack.configured(env.id) },
    };
  }

  async test(target: StoredMonitoring | { envId: string }): Promise<MonitoringTestResult> {
    const s = 'envId' in target ? this.store.get(target.envId) : target;
    const detail = (text: string) => ({ ok: true as const, detail: text });
    const [prometheus, alertmanager, grafana] = await Promise.all([
      guarded(s.prometheusUrl, async (url) => {
        const client = new PrometheusClient(url);
        const [version, series] = await Promise.all([client.buildInfo(), client.instant('count({__name__=~"airflow_.+"})')]);
        const count = series[0]?.value ?? 0;
        return detail(
          `Prometheus ${version}, ${count === 0 ? 'no Airflow metrics yet (nothing named airflow_*)' : `${count} Airflow series`}`,
        );
      }),
      guarded(s.alertmanagerUrl, async (url) => {
        const [version, alerts] = await Promise.all([alertmanagerVersion(url), readAlerts(url)]);
        return detail(`Alertmanager ${version}, ${alerts.total} alert${alerts.total === 1 ? '' : 's'} firing`);
      }),
      guarded(s.grafanaUrl, async (url) => detail(await grafanaHealth(url))),
    ]);
    return { prometheus, alertmanager, grafana };
  }
}
