import { z } from 'zod';
import type { AlertsResult, FiringAlert } from '../../../src-shared/domain/monitoring';
import { endpoint, getJson, MonitoringSourceError } from './monitoring-http';

const WHAT = 'Alertmanager';
const MAX_ALERTS = 200;
const MAX_TEXT = 2_000;

const Alert = z.object({
  labels: z.record(z.string(), z.string()),
  annotations: z.record(z.string(), z.string()).optional(),
  startsAt: z.string().optional(),
  status: z.object({ state: z.string() }).optional(),
});

const clip = (text: string | undefined): string | null => (text === undefined ? null : text.slice(0, MAX_TEXT));

function toFiring(alert: z.infer<typeof Alert>): FiringAlert {
  const labels = Object.fromEntries(
    Object.entries(alert.labels)
      .slice(0, 50)
      .map(([k, v]) => [k.slice(0, 200), v.slice(0, MAX_TEXT)]),
  );
  return {
    name: labels.alertname ?? '(unnamed alert)',
    state: alert.status?.state ?? 'active',
    severity: labels.severity ?? null,
    summary: clip(alert.annotations?.summary),
    description: clip(alert.annotations?.description),
    startsAt: alert.startsAt?.slice(0, 40) ?? null,
    labels,
  };
}

/** Alerts firing now (active, neither silenced nor inhibited), most severe and oldest first. */
export async function readAlerts(baseUrl: string): Promise<AlertsResult> {
  const url = endpoint(baseUrl, '/api/v2/alerts', { active: 'true', silenced: 'false', inhibited: 'false' });
  const parsed = z.array(Alert).safeParse(await getJson(url, WHAT, 'not_alertmanager'));
  if (!parsed.success)
    throw new MonitoringSourceError(
      'not_alertmanager',
      'The URL answered /api/v2/alerts, but not like Alertmanager.',
      "Use Alertmanager's own base URL, like http://alertmanager:9093.",
    );
  const rank = (a: FiringAlert): number => (a.severity === 'critical' ? 0 : a.severity === 'warning' ? 1 : 2);
  const alerts = parsed.data
    .map(toFiring)
    .sort((a, b) => rank(a) - rank(b) || (a.startsAt ?? '').localeCompare(b.startsAt ?? '') || a.name.localeCompare(b.name));
  return { ok: true, alerts: alerts.slice(0, MAX_ALERTS), total: alerts.length };
}

/** Alertmanager's version, for "Test". */
export async function alertmanagerVersion(baseUrl: string): Promise<string> {
  const parsed = z
    .object({ versionInfo: z.object({ version: z.string() }).optional(), cluster: z.object({ status: z.string() }).optional() })
    .safeParse(await getJson(endpoint(baseUrl, '/api/v2/status'), WHAT, 'not_alertmanager'));
  if (!parsed.success || (parsed.data.versionInfo === undefined && parsed.data.cluster === undefined)) {
    throw new MonitoringSourceError(
      'not_alertmanager',
      'The URL answered /api/v2/status, but not like Alertmanager.',
      "Use Alertmanager's own base URL, like http://alertmanager:9093.",
    );
  }
  return parsed.data.versionInfo?.version ?? 'unknown version';
}
