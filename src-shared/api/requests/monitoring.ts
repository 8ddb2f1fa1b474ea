import { z } from 'zod';
import { defineRequest } from '../define';
import { EnvId } from '../../domain/ids';
import { MonitoringInput, MonitoringSettings, MonitoringSnapshot, MonitoringTestResult } from '../../domain/monitoring';
import { IncidentSummary, SlackDelivery } from '../../domain/slack';

export const monitoringRequests = {
  'monitoring.get': defineRequest(
    "The environment's monitoring now: heartbeats, executor slots, starving tasks, import errors and schedule delay from Prometheus, alerts firing in Alertmanager, Grafana links",
    z.object({ envId: EnvId }).strict(),
    MonitoringSnapshot,
    { scope: 'environment', reads: ['monitoring', 'environments'] },
  ),
  'monitoring.settings': defineRequest(
    "An environment's Prometheus, Alertmanager and Grafana URLs, and whether a Slack webhook is stored (never the webhook)",
    z.object({ envId: EnvId }).strict(),
    MonitoringSettings,
    { scope: 'environment', reads: ['monitoring', 'environments'] },
  ),
  'monitoring.save': defineRequest(
    "Save an environment's monitoring URLs; the Slack webhook goes to the credential vault",
    MonitoringInput,
    MonitoringSettings,
    { scope: 'environment', changes: ['monitoring'] },
  ),
  'monitoring.test': defineRequest(
    'Reach each configured source (saved settings, or a draft before saving) and say what answered',
    z.union([z.object({ envId: EnvId }).strict(), z.object({ draft: MonitoringInput }).strict()]),
    MonitoringTestResult,
    { scope: 'app', reads: [] },
  ),
  'slack.sendIncidentSummary': defineRequest(
    "Post an incident summary (environment, DAG, task, error, a link back) to the environment's Slack webhook",
    IncidentSummary,
    SlackDelivery,
    { scope: 'environment', reads: [] },
  ),
  'slack.test': defineRequest(
    "Post a short test message to the environment's Slack webhook",
    z.object({ envId: EnvId }).strict(),
    SlackDelivery,
    { scope: 'environment', reads: [] },
  ),
} as const;
