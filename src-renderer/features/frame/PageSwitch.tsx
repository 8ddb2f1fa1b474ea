import { DagsPage } from '../dags/DagsPage';
import type { CurrentEnv } from '../environments/use-current-env';
import { Loading } from '../feedback/Loading';
import { OverviewPage } from '../overview/OverviewPage';
import { NotBuiltPage } from '../placeholder/NotBuiltPage';
import type { Route } from '../routing/route';
import { views } from '../routing/views';
import { RunsPage } from '../runs/RunsPage';
import { SettingsPage } from '../settings/SettingsPage';
import type { ThemeState } from '../theme/use-theme';
import { PreparingEnvironment } from './PreparingEnvironment';

/** Picks the page for the route; pages that need an environment wait for one. */
export function PageSwitch({ route, current, theme }: { route: Route; current: CurrentEnv; theme: ThemeState }) {
  if (route.view === 'settings') return <SettingsPage theme={theme} params={route.params} />;
  const view = views[route.view];
  if (!view.built) return <NotBuiltPage view={view} />;
  if (current.env === null) return current.isLoading ? <Loading label="Connecting…" /> : <PreparingEnvironment />;
  // Keyed by environment so switching starts each page fresh (filters, scroll).
  switch (route.view) {
    case 'dags':
      return <DagsPage key={current.env.id} env={current.env} />;
    case 'runs':
      return <RunsPage key={current.env.id} env={current.env} params={route.params} />;
    default:
      return <OverviewPage key={current.env.id} env={current.env} />;
  }
}
