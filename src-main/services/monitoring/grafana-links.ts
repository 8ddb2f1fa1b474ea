import type { GrafanaDashboard, GrafanaLink } from '../../../src-shared/domain/monitoring';
import { endpoint, MonitoringSourceError, send } from './monitoring-http';

/** Fills `{env}` and `{envId}` in each dashboard path (URL-encoded) under the Grafana URL. */
export function grafanaLinks(grafanaUrl: string, dashboards: readonly GrafanaDashboard[], env: { id: string; name: string }): GrafanaLink[] {
  const base = new URL(grafanaUrl);
  const prefix = base.pathname.replace(/\/+$/, '');
  const fill = (path: string): string => path.replaceAll('{envId}', encodeURIComponent(env.id)).replaceAll('{env}', encodeURIComponent(env.name));
  const links = dashboards.map((d) => ({ title: d.title, url: new URL(`${prefix}${fill(d.path)}`, base.origin).href }));
  return links.length > 0 ? links : [{ title: 'Grafana dashboards', url: new URL(`${prefix}/dashboards`, base.origin).href }];
}

/** Grafana answers /api/health without signing in: enough to say the URL is right. */
export async function grafanaHealth(grafanaUrl: string): Promise<string> {
  const reply = await send(endpoint(grafanaUrl, '/api/health'), 'Grafana');
  const version = /"version"\s*:\s*"([^"]{1,40})"/.exec(reply.text)?.[1];
  if (reply.status !== 200) throw new MonitoringSourceError('http', `Grafana answered HTTP ${reply.status} for /api/health.`, "Use Grafana's own base URL, like http://grafana:3000.");
  return version === undefined ? 'Grafana (version not shown)' : `Grafana ${version}`;
}
