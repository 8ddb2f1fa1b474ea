import { useState } from 'react';
import type { Environment } from '../../../src-shared/domain/environment';
import type { MonitoringInput, MonitoringSettings, MonitoringTestResult } from '../../../src-shared/domain/monitoring';
import { useApiMutation } from '../../platform/api/use-api-mutation';
import { Dialog } from '../../ui/dialog/Dialog';
import { FormField } from '../env-settings/FormField';
import { ApiErrorNotice } from '../../ui/feedback/ApiErrorNotice';
import { formatDashboards, parseDashboards } from './dashboards-text';

const orNull = (text: string): string | null => (text.trim() === '' ? null : text.trim());

function TestLines({ result }: { result: MonitoringTestResult }) {
  const rows = [
    ['Prometheus', result.prometheus],
    ['Alertmanager', result.alertmanager],
    ['Grafana', result.grafana],
  ] as const;
  return (
    <ul className="monitoring-test" aria-label="Test results">
      {rows.map(([name, check]) =>
        check === null ? null : (
          <li key={name} className={check.ok ? 'test-ok' : 'test-bad'}>
            <strong>{name}:</strong> {check.ok ? check.detail : `${check.message} ${check.hint}`}
          </li>
        ),
      )}
    </ul>
  );
}

/** Where this environment's Prometheus, Alertmanager and Grafana live, and its Slack webhook (write-only). */
export function MonitoringSettingsDialog({
  env,
  initial,
  onClose,
}: {
  env: Environment;
  initial: MonitoringSettings;
  onClose: () => void;
}) {
  const [prometheusUrl, setPrometheusUrl] = useState(initial.prometheusUrl ?? '');
  const [alertmanagerUrl, setAlertmanagerUrl] = useState(initial.alertmanagerUrl ?? '');
  const [grafanaUrl, setGrafanaUrl] = useState(initial.grafanaUrl ?? '');
  const [dashboardsText, setDashboardsText] = useState(formatDashboards(initial.grafanaDashboards));
  const [webhook, setWebhook] = useState('');
  const [removeWebhook, setRemoveWebhook] = useState(false);
  const save = useApiMutation('monitoring.save');
  const test = useApiMutation('monitoring.test');
  const dashboards = parseDashboards(dashboardsText);
  const draft: MonitoringInput = {
    envId: env.id,
    prometheusUrl: orNull(prometheusUrl),
    alertmanagerUrl: orNull(alertmanagerUrl),
    grafanaUrl: orNull(grafanaUrl),
    grafanaDashboards: dashboards.dashboards,
    ...(removeWebhook ? { slackWebhookUrl: null } : webhook.trim() !== '' ? { slackWebhookUrl: webhook.trim() } : {}),
  };
  const submit = (): void => save.mutate(draft, { onSuccess: onClose });
  return (
    <Dialog
      title={`Monitoring of ${env.name}`}
      subtitle="Optional. Only these URLs are ever asked; leave a field empty to turn that source off."
      onClose={onClose}
      wide
      footer={
        <>
          <button
            type="button"
            className="button"
            onClick={() => test.mutate({ draft })}
            disabled={test.isPending || dashboards.error !== undefined}
          >
            {test.isPending ? 'Testing…' : 'Test'}
          </button>
          <span className="dialog-foot-spacer" />
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button
            type="button"
            className="button button-primary"
            onClick={submit}
            disabled={save.isPending || dashboards.error !== undefined}
          >
            Save
          </button>
        </>
      }
    >
      <form
        className="env-form"
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <FormField label="Prometheus URL" help="Where Airflow's metrics land (statsd_exporter or an OpenTelemetry collector)." wide>
          {(ids) => (
            <input
              id={ids.id}
              aria-describedby={ids.describedBy}
              className="mono"
              value={prometheusUrl}
              onChange={(e) => setPrometheusUrl(e.target.value)}
              placeholder="http://prometheus:9090"
            />
          )}
        </FormField>
        <FormField label="Alertmanager URL">
          {(ids) => (
            <input
              id={ids.id}
              aria-describedby={ids.describedBy}
              className="mono"
              value={alertmanagerUrl}
              onChange={(e) => setAlertmanagerUrl(e.target.value)}
              placeholder="http://alertmanager:9093"
            />
          )}
        </FormField>
        <FormField label="Grafana URL">
          {(ids) => (
            <input
              id={ids.id}
              aria-describedby={ids.describedBy}
              className="mono"
              value={grafanaUrl}
              onChange={(e) => setGrafanaUrl(e.target.value)}
              placeholder="http://grafana:3000"
            />
          )}
        </FormField>
        <FormField
          label="Grafana dashboards"
          help="One a line: Title | /path. {env} becomes this environment's name."
          error={dashboards.error}
          wide
        >
          {(ids) => (
            <textarea
              id={ids.id}
              aria-describedby={ids.describedBy}
              aria-invalid={ids.invalid}
              className="code-area"
              rows={3}
              value={dashboardsText}
              onChange={(e) => setDashboardsText(e.target.value)}
              placeholder={'Airflow cluster | /d/airflow-cluster/airflow?var-env={env}'}
            />
          )}
        </FormField>
        <FormField
          label="Slack incoming webhook"
          help={
            initial.slack.configured
              ? 'A webhook is stored (encrypted). Enter a new one to replace it.'
              : 'Stored encrypted on this machine; never shown again.'
          }
          wide
        >
          {(ids) => (
            <input
              id={ids.id}
              aria-describedby={ids.describedBy}
              type="password"
              autoComplete="off"
              className="mono"
              value={webhook}
              disabled={removeWebhook}
              onChange={(e) => setWebhook(e.target.value)}
              placeholder={initial.slack.configured ? 'stored (leave empty to keep)' : 'https://hooks.slack.com/services/…'}
            />
          )}
        </FormField>
        {initial.slack.configured ? (
          <label className="checkbox form-field-wide">
            <input type="checkbox" checked={removeWebhook} onChange={(e) => setRemoveWebhook(e.target.checked)} />
            Remove the stored Slack webhook
          </label>
        ) : null}
        <button type="submit" hidden />
      </form>
      {test.data !== undefined ? <TestLines result={test.data} /> : null}
      {test.error !== null ? <ApiErrorNotice error={test.error} title="Test" /> : null}
      {save.error !== null ? <ApiErrorNotice error={save.error} title="Not saved" /> : null}
    </Dialog>
  );
}
