import { useState } from 'react';
import type { Environment } from '../../../src-shared/domain/environment';
import { useApiQuery } from '../../platform/api/use-api-query';
import { EnvBadges } from '../environments/EnvBadges';
import { EnvSwatch } from '../environments/EnvSwatch';
import type { CurrentEnv } from '../environments/use-current-env';
import { PageHeader } from '../../ui/PageHeader';
import { routeEnv } from '../links/use-route-env';
import { NotBuiltPage } from '../../ui/NotBuiltPage';
import { views } from '../../platform/routing/views';
import { MonitoringPanel } from './MonitoringPanel';
import { MonitoringSettingsDialog } from './MonitoringSettingsDialog';

function EnvironmentView({ env }: { env: Environment }) {
  const settings = useApiQuery('monitoring.settings', { envId: env.id });
  const [editing, setEditing] = useState(false);
  return (
    <div className="page environment-page">
      <PageHeader title={env.name} subtitle="Environment">
        <button type="button" className="button" onClick={() => setEditing(true)} disabled={settings.data === undefined}>
          Monitoring settings
        </button>
      </PageHeader>
      <div className="environment-facts">
        <EnvSwatch color={env.color} />
        <EnvBadges env={env} />
        {env.baseUrl !== null ? <span className="mono muted selectable truncate">{env.baseUrl}</span> : null}
      </div>
      <MonitoringPanel env={env} />
      {editing && settings.data !== undefined ? (
        <MonitoringSettingsDialog env={env} initial={settings.data} onClose={() => setEditing(false)} />
      ) : null}
    </div>
  );
}

/** `#/environment?env=...`: one environment's monitoring (the current one when the link names none). */
export function EnvironmentPage({ current, params }: { current: CurrentEnv; params: Readonly<Record<string, string>> }) {
  const env = routeEnv(params, current);
  if (env === null)
    return <NotBuiltPage view={{ ...views.environment, summary: `There is no environment "${params.env ?? ''}" on this machine.` }} />;
  return <EnvironmentView key={env.id} env={env} />;
}
