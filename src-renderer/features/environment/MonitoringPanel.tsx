import type { Environment } from '../../../src-shared/domain/environment';
import { useApiQuery } from '../../platform/api/use-api-query';
import { ErrorPanel } from '../../ui/feedback/ErrorPanel';
import { Loading } from '../../ui/feedback/Loading';
import { formatAbsolute } from '../../platform/time/format-relative';
import { useNow } from '../../platform/time/use-now';
import { AlertsList } from './AlertsList';
import { FigureTiles } from './FigureTiles';
import { GrafanaLinks } from './GrafanaLinks';
import { HeartbeatTiles } from './HeartbeatTiles';
import { SlackPanel } from './SlackPanel';
import { NotConfigured, SourceProblem } from './SourceProblem';

const POLL_MS = 15_000;

/** The environment's monitoring, refreshed every 15 s: Prometheus figures, Alertmanager alerts, Grafana, Slack. */
export function MonitoringPanel({ env }: { env: Environment }) {
  const snapshot = useApiQuery('monitoring.get', { envId: env.id }, { refetchInterval: POLL_MS, placeholderPrevious: true });
  const nowMs = useNow();
  if (snapshot.error !== null) return <ErrorPanel error={snapshot.error} title="Monitoring could not be read" />;
  if (snapshot.data === undefined) return <Loading label="Asking Prometheus and Alertmanager…" />;
  const s = snapshot.data;
  const firing = s.alertmanager?.ok === true ? s.alertmanager.total : null;
  return (
    <div className="monitoring-panel">
      <section className="monitoring-section" aria-labelledby="mon-prometheus">
        <h2 id="mon-prometheus" className="section-title">
          Airflow metrics <span className="muted section-note">Prometheus · as of {formatAbsolute(s.at)}</span>
        </h2>
        {s.prometheus === null ? (
          <NotConfigured
            source="Prometheus"
            what="Add its URL to see heartbeats, executor slots, starving tasks, import errors and schedule delay."
          />
        ) : s.prometheus.ok ? (
          <>
            <HeartbeatTiles beats={s.prometheus.heartbeats} windowMinutes={s.prometheus.windowMinutes} />
            <FigureTiles figures={s.prometheus} />
          </>
        ) : (
          <SourceProblem source="Prometheus" failure={s.prometheus} />
        )}
      </section>
      <section className="monitoring-section" aria-labelledby="mon-alerts">
        <h2 id="mon-alerts" className="section-title">
          Alerts firing {firing !== null ? <span className={`count-pill${firing > 0 ? ' count-pill-bad' : ''}`}>{firing}</span> : null}
          <span className="muted section-note">Alertmanager</span>
        </h2>
        {s.alertmanager === null ? (
          <NotConfigured source="Alertmanager" what="Add its URL to see the alerts firing now." />
        ) : s.alertmanager.ok ? (
          <AlertsList result={s.alertmanager} nowMs={nowMs} />
        ) : (
          <SourceProblem source="Alertmanager" failure={s.alertmanager} />
        )}
      </section>
      <div className="monitoring-row">
        <section className="monitoring-section" aria-labelledby="mon-grafana">
          <h2 id="mon-grafana" className="section-title">
            Grafana
          </h2>
          {s.grafana === null ? (
            <NotConfigured source="Grafana" what="Add its URL and dashboard paths for links to the matching dashboards." />
          ) : (
            <GrafanaLinks links={s.grafana} />
          )}
        </section>
        <section className="monitoring-section" aria-labelledby="mon-slack">
          <h2 id="mon-slack" className="section-title">
            Slack
          </h2>
          <SlackPanel env={env} configured={s.slack.configured} />
        </section>
      </div>
    </div>
  );
}
