import { z } from 'zod';
import { EnvId, IsoTime } from './ids';

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

function parseUrl(value: string): URL | null {
  try {
    return new URL(value);
  } catch {
    return null;
  }
}

/** An http(s) URL without credentials in it: where the back end asks Prometheus, Alertmanager or Grafana. */
export const MonitoringUrl = z
  .string()
  .trim()
  .max(2000)
  .refine((value) => {
    const url = parseUrl(value);
    return (
      url !== null &&
      (url.protocol === 'http:' || url.protocol === 'https:') &&
      url.username === '' &&
      url.password === '' &&
      url.search === '' &&
      url.hash === ''
    );
  }, 'an http(s) URL without credentials, query or fragment, like http://prometheus.example.com:9090');

/** A Slack incoming webhook: https, or http only on this machine (a local receiver). It is a secret. */
export const SlackWebhookUrl = z
  .string()
  .trim()
  .max(2000)
  .refine((value) => {
    const url = parseUrl(value);
    if (url === null || url.username !== '' || url.password !== '') return false;
    return url.protocol === 'https:' || (url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname));
  }, 'an https:// incoming-webhook URL, like https://hooks.slack.com/services/T000/B000/XXXX');

/**
 * A Grafana dashboard: its title and a path under the Grafana URL. `{env}` (the environment's name)
 * and `{envId}` are replaced, URL-encoded, when the link is built.
 */
export const GrafanaDashboard = z
  .object({
    title: z.string().trim().min(1).max(80),
    path: z
      .string()
      .trim()
      .min(1)
      .max(500)
      .regex(/^\/[^\s]*$/, 'a path starting with /, like /d/airflow/airflow?var-env={env}'),
  })
  .strict();
export type GrafanaDashboard = z.infer<typeof GrafanaDashboard>;

/** What the user enters for an environment's monitoring. The Slack webhook goes to the vault. */
export const MonitoringInput = z
  .object({
    envId: EnvId,
    prometheusUrl: MonitoringUrl.nullable().default(null),
    alertmanagerUrl: MonitoringUrl.nullable().default(null),
    grafanaUrl: MonitoringUrl.nullable().default(null),
    grafanaDashboards: z.array(GrafanaDashboard).max(12).default([]),
    /** Omitted to keep the stored webhook; null to remove it. */
    slackWebhookUrl: SlackWebhookUrl.nullable().optional(),
  })
  .strict();
export type MonitoringInput = z.input<typeof MonitoringInput>;
export type MonitoringDraft = z.output<typeof MonitoringInput>;

/** The stored monitoring settings as the UI may see them: never the webhook, only whether one is stored. */
export const MonitoringSettings = z.object({
  envId: EnvId,
  prometheusUrl: z.string().nullable(),
  alertmanagerUrl: z.string().nullable(),
  grafanaUrl: z.string().nullable(),
  grafanaDashboards: z.array(GrafanaDashboard),
  slack: z.object({ configured: z.boolean() }),
});
export type MonitoringSettings = z.infer<typeof MonitoringSettings>;

export const MonitoringProblem = z.enum([
  'refused',
  'host_not_found',
  'timeout',
  'tls',
  'http',
  'not_prometheus',
  'not_alertmanager',
  'query',
  'network',
]);
export type MonitoringProblem = z.infer<typeof MonitoringProblem>;

/** Why a source could not be read, in words for the user. */
export const SourceFailure = z.object({
  ok: z.literal(false),
  problem: MonitoringProblem,
  message: z.string(),
  hint: z.string(),
});
export type SourceFailure = z.infer<typeof SourceFailure>;

export const HeartbeatComponent = z.enum(['scheduler', 'triggerer', 'dag_processor']);
export type HeartbeatComponent = z.infer<typeof HeartbeatComponent>;

/** One Airflow component's heartbeat counter, read from its raw samples. */
export const Heartbeat = z.object({
  component: HeartbeatComponent,
  /** The metric names found (StatsD exporter or OpenTelemetry naming); empty when none. */
  metrics: z.array(z.string()),
  /** How many series (e.g. schedulers) report it. */
  series: z.number().int(),
  /** When the counter last went up, within the look-back window. */
  lastBeatAt: IsoTime.nullable(),
  ageSeconds: z.number().nullable(),
  beatsPerMinute: z.number().nullable(),
});
export type Heartbeat = z.infer<typeof Heartbeat>;

/** A gauge summed over its series; null when Prometheus has no such series. */
export const GaugeFigure = z.object({
  value: z.number().nullable(),
  metrics: z.array(z.string()),
  series: z.number().int(),
});
export type GaugeFigure = z.infer<typeof GaugeFigure>;

/** The mean delay between a run's scheduled time and its start, over the look-back window. */
export const ScheduleDelay = z.object({
  meanMs: z.number().nullable(),
  /** Runs observed in the window (the timer's count increase). */
  runs: z.number().nullable(),
  /** The latest value of a gauge-style timer (OpenTelemetry), in ms. */
  latestMs: z.number().nullable(),
  metrics: z.array(z.string()),
});
export type ScheduleDelay = z.infer<typeof ScheduleDelay>;

export const PrometheusFigures = z.object({
  ok: z.literal(true),
  windowMinutes: z.number().int(),
  heartbeats: z.array(Heartbeat),
  executor: z.object({ openSlots: GaugeFigure, queuedTasks: GaugeFigure, runningTasks: GaugeFigure }),
  starvingTasks: GaugeFigure,
  importErrors: GaugeFigure,
  scheduleDelay: ScheduleDelay,
});
export type PrometheusFigures = z.infer<typeof PrometheusFigures>;

/** An alert firing now, as Alertmanager reports it. Label and annotation text is untrusted. */
export const FiringAlert = z.object({
  name: z.string(),
  state: z.string(),
  severity: z.string().nullable(),
  summary: z.string().nullable(),
  description: z.string().nullable(),
  startsAt: IsoTime.nullable(),
  labels: z.record(z.string(), z.string()),
});
export type FiringAlert = z.infer<typeof FiringAlert>;

export const AlertsResult = z.object({ ok: z.literal(true), alerts: z.array(FiringAlert), total: z.number().int() });
export type AlertsResult = z.infer<typeof AlertsResult>;

export const GrafanaLink = z.object({ title: z.string(), url: z.string() });
export type GrafanaLink = z.infer<typeof GrafanaLink>;

/** Everything the environment page shows about monitoring. A null source is not configured. */
export const MonitoringSnapshot = z.object({
  envId: EnvId,
  at: IsoTime,
  prometheus: z.discriminatedUnion('ok', [PrometheusFigures, SourceFailure]).nullable(),
  alertmanager: z.discriminatedUnion('ok', [AlertsResult, SourceFailure]).nullable(),
  grafana: z.array(GrafanaLink).nullable(),
  slack: z.object({ configured: z.boolean() }),
});
export type MonitoringSnapshot = z.infer<typeof MonitoringSnapshot>;

const SourceCheck = z.discriminatedUnion('ok', [z.object({ ok: z.literal(true), detail: z.string() }), SourceFailure]).nullable();

/** "Test" in the monitoring settings: each configured source, reached or not. */
export const MonitoringTestResult = z.object({ prometheus: SourceCheck, alertmanager: SourceCheck, grafana: SourceCheck });
export type MonitoringTestResult = z.infer<typeof MonitoringTestResult>;
