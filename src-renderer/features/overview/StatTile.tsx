import type { ReactNode } from 'react';

/** One headline number with its label; `tone` colours numbers that need attention. */
export function StatTile({ label, value, tone, children }: { label: string; value: number; tone?: 'bad'; children?: ReactNode }) {
  return (
    <div className={`stat-tile${tone === 'bad' && value > 0 ? ' stat-bad' : ''}`}>
      <span className="stat-label">{label}</span>
      <span className="stat-value">{value.toLocaleString('en-US')}</span>
      {children}
    </div>
  );
}
