import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PrometheusFigures } from '../../../src-shared/domain/monitoring';
import { haveMonitoringStack, serveMetrics, startMonitoringStack, type MetricsEndpoint, type MonitoringStack } from '../../env/prometheus';
import { IMPORT_ERRORS_RULE, simulatedAirflow, type MetricNaming } from '../../env/simulated-airflow-metrics';
import { startMonitoringEngine, type MonitoringEngine } from './monitoring-engine';

/** Waits until the figures are what a few seconds of scraping gives (a rising heartbeat, timer samples). */
async function settledFigures(engine: MonitoringEngine): Promise<PrometheusFigures> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const snapshot = await engine.call('monitoring.get', { envId: 'ops' });
    const p = snapshot.prometheus;
    if (
      p?.ok === true &&
      p.heartbeats[0]?.lastBeatAt !== null &&
      (p.scheduleDelay.meanMs !== null || p.scheduleDelay.latestMs !== null) &&
      p.executor.openSlots.value !== null
    )
      return p;
    if (Date.now() > deadline) throw new Error(`figures never settled: ${JSON.stringify(snapshot)}`);
    await new Promise((r) => setTimeout(r, 500));
  }
}

for (const naming of ['statsd', 'otel'] as const satisfies readonly MetricNaming[]) {
  describe.skipIf(!haveMonitoringStack())(`the environment's Prometheus, ${naming} naming`, () => {
    let metrics: MetricsEndpoint;
    let stack: MonitoringStack;
    let engine: MonitoringEngine;
    const airflow = simulatedAirflow({ naming });

    beforeAll(async () => {
      metrics = await serveMetrics(() => airflow.render());
      stack = await startMonitoringStack({ metricsTarget: `127.0.0.1:${metrics.port}`, rulesYaml: IMPORT_ERRORS_RULE });
      engine = await startMonitoringEngine();
      await engine.call('monitoring.save', { envId: 'ops', prometheusUrl: stack.prometheusUrl, alertmanagerUrl: stack.alertmanagerUrl });
      await stack.waitForScrape();
    });
    afterAll(async () => {
      await engine?.close();
      await stack?.stop();
      await metrics?.close();
    });

    it('reads heartbeats with their age, executor slots, starving tasks, import errors and the schedule delay', async () => {
      const p = await settledFigures(engine);
      const [scheduler, triggerer, processor] = p.heartbeats;
      const counter = naming === 'otel' ? '_total' : '';
      expect(scheduler).toMatchObject({ component: 'scheduler', series: 1, metrics: [`airflow_scheduler_heartbeat${counter}`] });
      expect(scheduler?.ageSeconds).toBeLessThan(10);
      // 5 beats a scrape, a scrape a second: about 300 a minute.
      expect(scheduler?.beatsPerMinute).toBeGreaterThan(100);
      // The triggerer's counter is there but flat: silent.
      expect(triggerer).toMatchObject({
        component: 'triggerer',
        series: 1,
        lastBeatAt: null,
        metrics: [`airflow_triggerer_heartbeat${counter}`],
      });
      expect(processor).toMatchObject({ component: 'dag_processor', series: 0, metrics: [] });
      expect(p.executor.openSlots.value).toBe(28);
      expect(p.executor.queuedTasks.value).toBe(3);
      expect(p.executor.runningTasks.value).toBe(4);
      expect(p.starvingTasks.value).toBe(2);
      expect(p.importErrors).toMatchObject({ value: 1, metrics: ['airflow_dag_processing_import_errors'] });
      if (naming === 'statsd') {
        expect(p.scheduleDelay.meanMs).toBeCloseTo(2500, 0);
        expect(p.scheduleDelay.runs).toBeGreaterThan(0);
      } else {
        expect(p.scheduleDelay.latestMs).toBe(2500);
      }
    });

    it('lists the alert firing in Alertmanager, its hostile annotation kept as plain text', async () => {
      await stack.waitForAlert('AirflowDagImportErrors');
      const snapshot = await engine.call('monitoring.get', { envId: 'ops' });
      expect(snapshot.alertmanager?.ok).toBe(true);
      if (snapshot.alertmanager?.ok !== true) return;
      const alert = snapshot.alertmanager.alerts.find((a) => a.name === 'AirflowDagImportErrors');
      expect(alert).toMatchObject({ severity: 'critical', summary: '1 DAG file fails to import' });
      expect(alert?.description).toContain('<script>alert(1)</script>');
    });

    it('sees a scheduler that stops beating go silent', async () => {
      airflow.schedulerBeating = false;
      await new Promise((r) => setTimeout(r, 4_000));
      const snapshot = await engine.call('monitoring.get', { envId: 'ops' });
      const scheduler = snapshot.prometheus?.ok === true ? snapshot.prometheus.heartbeats[0] : undefined;
      expect(scheduler?.ageSeconds).toBeGreaterThanOrEqual(2.5);
      airflow.schedulerBeating = true;
    });

    it('tests each source and names what answered', async () => {
      const result = await engine.call('monitoring.test', { envId: 'ops' });
      expect(result.prometheus).toMatchObject({ ok: true });
      expect(result.prometheus?.ok === true ? result.prometheus.detail : '').toMatch(/^Prometheus 2\.\d+.*Airflow series/);
      expect(result.alertmanager?.ok === true ? result.alertmanager.detail : '').toMatch(/^Alertmanager 0\.\d+.*1 alert firing/);
      expect(result.grafana).toBeNull();
    });
  });
}
