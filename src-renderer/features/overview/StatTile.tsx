import type { ReactNode } from 'react';

/** One headline number with its label; `tone` colours numbers that need attention; `href` opens exactly what it counts. */
export function StatTile({
  label,
  value,
  tone,
  href,
  children,
}: {
  label: string;
  value: number;
  tone?: 'bad';
  href?: string;
  children?: ReactNode;
}) {
  const className = `stat-tile${tone === 'bad' && value > 0 ? ' stat-bad' : ''}${href !== undefined ? ' stat-link' : ''}`;
  const body = (
    <>
      <span className="stat-label">{label}</span>
      <span className="stat-value">{value.toLocaleString('en-US')}</span>
      {children}
    </>
  );
  return href !== undefined ? (
    <a className={className} href={href}>
      {body}
    </a>
  ) : (
    <div className={className}>{body}</div>
  );
}
