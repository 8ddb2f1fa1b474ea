import { AnomaliesPage } from '../features/anomalies/AnomaliesPage';
import { DagsPage } from '../features/dags/DagsPage';
import { GraphQueryPage } from '../features/graph/GraphQueryPage';
import { IncidentsPage } from '../features/reports/IncidentsPage';
import { LineagePage } from '../features/lineage/LineagePage';
import { ComparePage } from '../features/compare/ComparePage';
import { CopilotPage } from '../features/copilot/CopilotPage';
import { DagPage } from '../features/dag/DagPage';
import { FleetPage } from '../features/fleet/FleetPage';
import { EnvironmentPage } from '../features/environment/EnvironmentPage';
import { routeEnv } from '../features/links/use-route-env';
import { RunPage } from '../features/run/RunPage';
import { FailureBriefPage } from '../features/brief/FailureBriefPage';
import { TaskPage } from '../features/task/TaskPage';
import { TimelinePage } from '../features/timeline/TimelinePage';
import type { CurrentEnv } from '../features/environments/use-current-env';
import { Loading } from '../ui/feedback/Loading';
import { OverviewPage } from '../features/overview/OverviewPage';
import { NotBuiltPage } from '../ui/NotBuiltPage';
import type { Route } from '../platform/routing/route';
import { views } from '../platform/routing/views';
import { RunsPage } from '../features/runs/RunsPage';
import { SettingsPage } from '../features/settings/SettingsPage';
import type { ThemeState } from '../platform/theme/use-theme';
import { PreparingEnvironment } from './PreparingEnvironment';

/** Picks the page for the route; pages that need an environment wait for one. */
export function PageSwitch({ route, current, theme }: { route: Route; current: CurrentEnv; theme: ThemeState }) {
  if (route.view === 'settings') return <SettingsPage theme={theme} params={route.params} />;
  const view = views[route.view];
  if (!view.built) return <NotBuiltPage view={view} />;
  if (current.env === null) return current.isLoading ? <Loading label="Connecting…" /> : <PreparingEnvironment />;
  // Keyed by environment so switching starts each page fresh (filters, scroll).
  switch (route.view) {
    case 'fleet':
      return <FleetPage current={current} params={route.params} />;
    case 'timeline':
      return <TimelinePage current={current} params={route.params} />;
    case 'run':
    case 'brief':
    case 'task':
    case 'dag':
    case 'compare':
      return <InvestigationPage route={route} current={current} />;
    case 'environment':
      return <EnvironmentPage current={current} params={route.params} />;
    case 'anomalies':
      return <AnomaliesPage key={current.env.id} env={current.env} params={route.params} />;
    case 'dags':
      return <DagsPage key={current.env.id} env={current.env} envs={current.envs} params={route.params} />;
    case 'lineage':
      return <LineagePage key={current.env.id} env={current.env} params={route.params} />;
    case 'graph':
      return <GraphQueryPage />;
    case 'runs':
      return <RunsPage key={current.env.id} env={current.env} params={route.params} />;
    case 'reports':
      return <IncidentsPage key={current.env.id} env={current.env} params={route.params} />;
    case 'copilot': {
      // An "Explain" link names its environment, so the copilot answers about the one the run, anomaly or risk is in.
      const env = routeEnv(route.params, current) ?? current.env;
      return <CopilotPage key={env.id} env={env} params={route.params} />;
    }
    default:
      return <OverviewPage key={current.env.id} env={current.env} />;
  }
}

/** Detail views name their environment in the route (deep links), falling back to the current one. */
function InvestigationPage({ route, current }: { route: Route; current: CurrentEnv }) {
  const env = routeEnv(route.params, current);
  if (env === null)
    return (
      <NotBuiltPage view={{ ...views[route.view], summary: `There is no environment "${route.params.env ?? ''}" on this machine.` }} />
    );
  switch (route.view) {
    case 'run':
      return <RunPage key={env.id} env={env} params={route.params} />;
    case 'brief':
      return <FailureBriefPage key={env.id} env={env} params={route.params} />;
    case 'task':
      return <TaskPage key={env.id} env={env} params={route.params} />;
    case 'compare':
      return <ComparePage key={env.id} env={env} params={route.params} />;
    default:
      return <DagPage key={env.id} env={env} params={route.params} />;
  }
}
