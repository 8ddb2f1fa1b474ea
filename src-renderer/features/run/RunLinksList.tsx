import type { ReactNode } from 'react';
import type { RunLink } from '../../../src-shared/domain/investigate';
import { runHref } from '../../platform/routing/investigate-links';
import { StateBadge } from '../../ui/states/StateBadge';

/** Runs that fed this run, or that it fed, through an asset event or a trigger; `children` add what the lineage says. */
export function RunLinksList({
  title,
  links,
  empty,
  children,
}: {
  title: string;
  links: readonly RunLink[];
  empty: string;
  children?: ReactNode;
}) {
  return (
    <section className="run-links" aria-label={title}>
      <h3 className="section-title">{title}</h3>
      {links.length === 0 ? <p className="muted">{empty}</p> : null}
      {children}
      <ul>
        {links.map((link) => (
          <li key={`${link.dagId}\u0000${link.runId}\u0000${link.detail}`}>
            <StateBadge state={link.state} compact />
            <a className="mono" href={runHref(link.envId, link.dagId, link.runId)}>
              {link.dagId}
            </a>
            <span className="muted mono truncate" title={link.runId}>
              {link.runId}
            </span>
            <span className={`badge link-via via-${link.via}`}>{link.via === 'asset' ? 'asset' : 'trigger'}</span>
            <span className="muted truncate mono" title={link.detail}>
              {link.detail}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
