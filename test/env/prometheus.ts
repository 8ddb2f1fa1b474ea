/**
 * Debian's Prometheus and Alertmanager (`apt-get install prometheus prometheus-alertmanager`) on loopback,
 * for the monitoring tests: Prometheus scrapes a metrics endpoint the test serves every second and
 * evaluates the given alert rules every second; firing alerts go to Alertmanager.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { formatLogTails, freePorts, makeRunDir, spawnManaged, waitFor, type ManagedProcess } from './proc';

const PROMETHEUS = 'prometheus';
const ALERTMANAGER_CANDIDATES = ['prometheus-alertmanager', 'alertmanager'];

function onPath(cmd: string, env: NodeJS.ProcessEnv = process.env): boolean {
  return spawnSync('/bin/sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore', env }).status === 0;
}

const alertmanagerBinary = (env: NodeJS.ProcessEnv = process.env): string | undefined =>
  ALERTMANAGER_CANDIDATES.find((cmd) => onPath(cmd, env));

export const MONITORING_STACK_MISSING =
  'Prometheus and Alertmanager are not on PATH; install them with: sudo apt-get install -y prometheus prometheus-alertmanager';

/**
 * Whether both binaries are installed. In CI (CI=true) a missing stack is an error that fails the test
 * file, never a silent skip; elsewhere the skip is announced on stderr with the command that installs it.
 */
export function haveMonitoringStack(env: NodeJS.ProcessEnv = process.env): boolean {
  if (onPath(PROMETHEUS, env) && alertmanagerBinary(env) !== undefined) return true;
  if (env.CI === 'true' || env.CI === '1')
    throw new Error(`${MONITORING_STACK_MISSING} (CI=${env.CI}: the monitoring tests may not be skipped).`);
  process.stderr.write(`Monitoring tests SKIPPED: ${MONITORING_STACK_MISSING}\n`);
  return false;
}

export interface MetricsEndpoint {
  url: string;
  port: number;
  scrapes: number;
  close(): Promise<void>;
}

/** Serves `render()` as Prometheus text exposition format at /metrics on 127.0.0.1. */
export async function serveMetrics(render: () => string): Promise<MetricsEndpoint> {
  const state = { scrapes: 0 };
  const server = http.createServer((req, res) => {
    if (req.url !== '/metrics') {
      res.writeHead(404).end();
      return;
    }
    state.scrapes += 1;
    res.writeHead(200, { 'content-type': 'text/plain; version=0.0.4; charset=utf-8' }).end(render());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}/metrics`,
    port,
    get scrapes() {
      return state.scrapes;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export interface MonitoringStack {
  prometheusUrl: string;
  alertmanagerUrl: string;
  /** Fetches /api/v1/targets until the metrics target is up (one successful scrape). */
  waitForScrape(): Promise<void>;
  /** Waits until Alertmanager lists an alert by this name. */
  waitForAlert(name: string, timeoutMs?: number): Promise<void>;
  stop(): Promise<void>;
}

export interface StackOptions {
  /** host:port Prometheus scrapes (`/metrics`). */
  metricsTarget: string;
  /** The `groups:` of a Prometheus rule file, as YAML text. */
  rulesYaml: string;
}

async function ready(url: string): Promise<true | undefined> {
  const res = await fetch(url, { signal: AbortSignal.timeout(2000) });
  return res.ok ? true : undefined;
}

/** Starts Alertmanager, then Prometheus pointed at it; each in its own process group, killed on exit. */
export async function startMonitoringStack(opts: StackOptions): Promise<MonitoringStack> {
  const am = alertmanagerBinary();
  if (am === undefined || !onPath(PROMETHEUS))
    throw new Error('prometheus and prometheus-alertmanager are not installed (apt-get install -y prometheus prometheus-alertmanager)');
  const dir = makeRunDir('monitoring');
  const [promPort, amPort] = await freePorts(2);
  const prometheusUrl = `http://127.0.0.1:${promPort}`;
  const alertmanagerUrl = `http://127.0.0.1:${amPort}`;
  fs.writeFileSync(path.join(dir, 'rules.yml'), opts.rulesYaml);
  fs.writeFileSync(
    path.join(dir, 'prometheus.yml'),
    [
      'global:',
      '  scrape_interval: 1s',
      '  evaluation_interval: 1s',
      'rule_files: [rules.yml]',
      'alerting:',
      '  alertmanagers:',
      `    - static_configs: [{ targets: ['127.0.0.1:${amPort}'] }]`,
      'scrape_configs:',
      '  - job_name: airflow',
      `    static_configs: [{ targets: ['${opts.metricsTarget}'] }]`,
      '',
    ].join('\n'),
  );
  fs.writeFileSync(
    path.join(dir, 'alertmanager.yml'),
    ['route:', '  receiver: "null"', '  group_wait: 0s', 'receivers:', '  - name: "null"', ''].join('\n'),
  );
  const env = { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: dir };
  const procs: ManagedProcess[] = [];
  const stop = async (): Promise<void> => {
    await Promise.all(procs.map((p) => p.stop(3000)));
  };
  try {
    procs.push(
      spawnManaged({
        name: 'alertmanager',
        command: am,
        args: [
          `--config.file=${path.join(dir, 'alertmanager.yml')}`,
          `--storage.path=${path.join(dir, 'am-data')}`,
          `--web.listen-address=127.0.0.1:${amPort}`,
          '--cluster.listen-address=',
          '--log.level=warn',
        ],
        env,
        cwd: dir,
        logFile: path.join(dir, 'alertmanager.log'),
      }),
    );
    procs.push(
      spawnManaged({
        name: 'prometheus',
        command: PROMETHEUS,
        args: [
          `--config.file=${path.join(dir, 'prometheus.yml')}`,
          `--storage.tsdb.path=${path.join(dir, 'prom-data')}`,
          `--web.listen-address=127.0.0.1:${promPort}`,
          '--log.level=warn',
        ],
        env,
        cwd: dir,
        logFile: path.join(dir, 'prometheus.log'),
      }),
    );
    const logs = { prometheus: path.join(dir, 'prometheus.log'), alertmanager: path.join(dir, 'alertmanager.log') };
    const abortIf = (): string | undefined => {
      const dead = procs.find((p) => p.hasExited());
      return dead ? `${dead.name} exited\n${formatLogTails(logs, 30)}` : undefined;
    };
    await waitFor('alertmanager ready', () => ready(`${alertmanagerUrl}/-/ready`), { timeoutMs: 30_000, intervalMs: 200, abortIf });
    await waitFor('prometheus ready', () => ready(`${prometheusUrl}/-/ready`), { timeoutMs: 30_000, intervalMs: 200, abortIf });
    return {
      prometheusUrl,
      alertmanagerUrl,
      async waitForScrape() {
        await waitFor(
          'a successful scrape',
          async () => {
            const body = (await (await fetch(`${prometheusUrl}/api/v1/targets`)).json()) as {
              data: { activeTargets: Array<{ health: string }> };
            };
            return body.data.activeTargets.some((t) => t.health === 'up') ? true : undefined;
          },
          { timeoutMs: 20_000, intervalMs: 250, abortIf },
        );
      },
      async waitForAlert(name, timeoutMs = 30_000) {
        await waitFor(
          `alert ${name} in Alertmanager`,
          async () => {
            const alerts = (await (await fetch(`${alertmanagerUrl}/api/v2/alerts`)).json()) as Array<{ labels: Record<string, string> }>;
            return alerts.some((a) => a.labels.alertname === name) ? true : undefined;
          },
          { timeoutMs, intervalMs: 250, abortIf },
        );
      },
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
