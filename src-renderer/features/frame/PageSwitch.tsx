import { AnomaliesPage } from '../anomalies/AnomaliesPage';
import { DagsPage } from '../dags/DagsPage';
import { GraphQueryPage } from '../graph-query/GraphQueryPage';
import { IncidentsPage } from '../incidents/IncidentsPage';
import { LineagePage } from '../lineage/LineagePage';
import { ComparePage } from '../compare/ComparePage';
import { CopilotPage } from '../copilot/CopilotPage';
import { DagPage } from '../dag-grid/DagPage';
import { FleetPage } from '../fleet/FleetPage';
import { EnvironmentPage } from '../monitoring/EnvironmentPage';
import { routeEnv } from '../links/use-route-env';
import { RunPage } from '../run-view/RunPage';
import { FailureBriefPage } from '../failure-brief/FailureBriefPage';
import { TaskPage } from '../task-view/TaskPage';
import { TimelinePage } from '../timeline/TimelinePage';
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
    case 'copilot':
    {
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
  if (env === null) return <NotBuiltPage view={{ ...views[route.view], summary: `There is no environment "${route.params.env ?? ''}" on this machine.` }} />;
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
