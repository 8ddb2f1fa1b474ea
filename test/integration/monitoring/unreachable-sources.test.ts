import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiError } from '../../../src-shared/api/errors';
import { freePort } from '../../env/proc';
import { haveMonitoringStack, serveMetrics, startMonitoringStack, type MetricsEndpoint, type MonitoringStack } from '../../env/prometheus';
import { IMPORT_ERRORS_RULE, simulatedAirflow } from '../../env/simulated-airflow-metrics';
import { startMonitoringEngine, type MonitoringEngine } from './monitoring-engine';

describe('monitoring that is not set up, or not reachable', () => {
  let engine: MonitoringEngine;
  beforeAll(async () => {
    engine = await startMonitoringEngine();
  });
  afterAll(async () => {
    await engine.close();
  });

  it('says nothing is configured, without asking anything', async () => {
    const snapshot = await engine.call('monitoring.get', { envId: 'ops' });
    expect(snapshot).toMatchObject({ envId: 'ops', prometheus: null, alertmanager: null, grafana: null, slack: { configured: false } });
  });

  it('explains a closed port and a slow source instead of failing the page', async () => {
    const closed = await freePort();
    await engine.call('monitoring.save', {
      envId: 'ops',
      prometheusUrl: `http://127.0.0.1:${closed}`,
      alertmanagerUrl: `http://127.0.0.1:${closed}/am`,
    });
    const started = Date.now();
    const snapshot = await engine.call('monitoring.get', { envId: 'ops' });
    expect(Date.now() - started).toBeLessThan(6_000);
    expect(snapshot.prometheus).toMatchObject({ ok: false, problem: 'refused' });
    expect(snapshot.alertmanager).toMatchObject({ ok: false, problem: 'refused' });
    expect(snapshot.prometheus?.ok === false ? snapshot.prometheus.message : '').toContain('Prometheus refused the connection');
  });

  it('refuses URLs with credentials, other schemes, and a plain-http Slack webhook off this machine', async () => {
    for (const bad of [
      { prometheusUrl: 'http://user:pw@127.0.0.1:9090' },
      { prometheusUrl: 'file:///etc/passwd' },
      { alertmanagerUrl: 'gopher://127.0.0.1:9093' },
      { slackWebhookUrl: 'http://hooks.slack.com/services/T/B/X' },
    ]) {
      await expect(engine.call('monitoring.save', { envId: 'ops', ...bad })).rejects.toMatchObject({ code: 'invalid_input' });
    }
    await expect(engine.call('monitoring.get', { envId: 'nope' })).rejects.toBeInstanceOf(ApiError);
  });

  it('builds Grafana links from the dashboard templates, encoding the environment name', async () => {
    await engine.call('monitoring.save', {
      envId: 'ops',
      grafanaUrl: 'https://grafana.example.com/g',
      grafanaDashboards: [{ title: 'Airflow cluster', path: '/d/airflow/cluster?var-env={env}&var-id={envId}' }],
    });
    const snapshot = await engine.call('monitoring.get', { envId: 'ops' });
    expect(snapshot.grafana).toEqual([
      { title: 'Airflow cluster', url: 'https://grafana.example.com/g/d/airflow/cluster?var-env=Ops%20%3Cprod%3E%20%26%20co&var-id=ops' },
    ]);
  });
});

describe.skipIf(!haveMonitoringStack())('sources that answer, but are not what they claim', () => {
  let engine: MonitoringEngine;
  let metrics: MetricsEndpoint;
  let stack: MonitoringStack;
  beforeAll(async () => {
    metrics = await serveMetrics(() => simulatedAirflow().render());
    stack = await startMonitoringStack({ metricsTarget: `127.0.0.1:${metrics.port}`, rulesYaml: IMPORT_ERRORS_RULE });
    engine = await startMonitoringEngine();
  });
  afterAll(async () => {
    await engine?.close();
    await stack?.stop();
    await metrics?.close();
  });

  it('says so when the Prometheus and Alertmanager URLs are swapped', async () => {
    await engine.call('monitoring.save', { envId: 'ops', prometheusUrl: stack.alertmanagerUrl, alertmanagerUrl: stack.prometheusUrl });
    const snapshot = await engine.call('monitoring.get', { envId: 'ops' });
    expect(snapshot.prometheus).toMatchObject({ ok: false, problem: 'not_prometheus' });
    expect(snapshot.alertmanager).toMatchObject({ ok: false, problem: 'not_alertmanager' });
  });
});
