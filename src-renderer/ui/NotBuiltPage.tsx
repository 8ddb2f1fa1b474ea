import type { ViewInfo } from '../platform/routing/views';
import { NavIcon } from './NavIcon';

/** An honest empty state for a page that does not exist yet. */
export function NotBuiltPage({ view }: { view: ViewInfo }) {
  return (
    <div className="page">
      <div className="empty-state">
        <div className="empty-icon">
          <NavIcon view={view.id} />
        </div>
        <h1>{view.label}</h1>
        <p>{view.summary}</p>
        <p className="badge badge-soon">Not built yet</p>
        <p className="muted">This page is planned but not part of this version. Nothing here is hidden behind a setting.</p>
      </div>
    </div>
  );
}
