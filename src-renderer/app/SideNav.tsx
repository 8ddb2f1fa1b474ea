import { formatRoute } from '../platform/routing/route';
import { viewIds, views, type ViewId } from '../platform/routing/views';
import { NavIcon } from '../ui/NavIcon';

export function SideNav({ active }: { active: ViewId }) {
  return (
    <nav className="side-nav" aria-label="Main">
      <ul>
        {viewIds
          .filter((id) => views[id].detail !== true)
          .map((id) => (
            <li key={id} className={id === 'settings' ? 'nav-bottom' : undefined}>
              <a href={formatRoute(id)} aria-current={id === active ? 'page' : undefined}>
                <NavIcon view={id} />
                <span>{views[id].label}</span>
                {views[id].built ? null : (
                  <span className="nav-soon" title="Not built yet">
                    soon
                  </span>
                )}
              </a>
            </li>
          ))}
      </ul>
    </nav>
  );
}
