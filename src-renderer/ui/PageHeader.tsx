import type { ReactNode } from 'react';

export function PageHeader({ title, subtitle, children }: { title: string; subtitle?: string; children?: ReactNode }) {
  return (
    <div className="page-header">
      <h1>{title}</h1>
      {subtitle !== undefined ? <span className="page-subtitle">{subtitle}</span> : null}
      <div className="page-header-actions">{children}</div>
    </div>
  );
}
