import type { GrafanaLink } from '../../../src-shared/domain/monitoring';

/** Links out to Grafana (opened outside the app after the http(s) check and a confirmation). */
export function GrafanaLinks({ links }: { links: readonly GrafanaLink[] }) {
  return (
    <ul className="grafana-links" aria-label="Grafana dashboards">
      {links.map((link) => (
        <li key={link.url}>
          <a className="button button-small" href={link.url} target="_blank" rel="noopener noreferrer" title={link.url}>
            {link.title} ↗
          </a>
        </li>
      ))}
    </ul>
  );
}
