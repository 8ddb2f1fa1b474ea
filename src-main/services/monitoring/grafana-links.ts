import type { GrafanaDashboard, GrafanaLink } from '../../../src-shared/domain/monitoring';
import { endpoint, MonitoringSourceError, send } from './monitoring-http';

/**
 * A path under the Grafana URL, as an absolute URL on the Grafana host; null when it would leave it.
 * The path is appended to the origin as text, never resolved against it: resolving `//evil.example/x`
 * (or `/\\evil.example`) would make it a link to another host.
 */
export function onGrafanaHost(base: URL, path: string): string | null {
  const prefix = base.pathname.replace(/\/+$/, '');
  if (!path.startsWith('/')) return null;
  let url: URL;
  try {
    url = new URL(`${base.origin}${prefix}${path}`);
  } catch {
    return null;
  }
  return url.origin === base.origin && url.username === '' && url.password === '' ? url.href : null;
}

/** Fills `{env}` and `{envId}` in each dashboard path (URL-encoded) under the Grafana URL; a path that would leave the Grafana host gives no link. */
export function grafanaLinks(
  grafanaUrl: string,
  dashboards: readonly GrafanaDashboard[],
  env: { id: string; name: string },
): GrafanaLink[] {
  const base = new URL(grafanaUrl);
  const fill = (path: string): string =>
    path.replaceAll('{envId}', encodeURIComponent(env.id)).replaceAll('{env}', encodeURIComponent(env.name));
  const links = dashboards.flatMap((d) => {
    const url = onGrafanaHost(base, fill(d.path));
    return url === null ? [] : [{ title: d.title, url }];
  });
  return links.length > 0 ? links : [{ title: 'Grafana dashboards', url: onGrafanaHost(base, '/dashboards') ?? base.origin }];
}

/** Grafana answers /api/health without signing in: enough to say the URL is right. */
export async function grafanaHealth(grafanaUrl: string): Promise<string> {
  const reply = await send(endpoint(grafanaUrl, '/api/health'), 'Grafana');
  const version = /"version"\s*:\s*"([^"]{1,40})"/.exec(reply.text)?.[1];
  if (reply.status !== 200)
    throw new MonitoringSourceError(
      'http',
      `Grafana answered HTTP ${reply.status} for /api/health.`,
      "Use Grafana's own base URL, like http://grafana:3000.",
    );
  return version === undefined ? 'Grafana (version not shown)' : `Grafana ${version}`;
}
