import type { Environment } from '../../../src-shared/domain/environment';
import { useApiQuery } from '../../platform/api/use-api-query';
import { ErrorPanel } from '../../ui/feedback/ErrorPanel';
import { Loading } from '../../ui/feedback/Loading';

/** Airflow's own event log of the current environment, beside the local audit log. */
export function AirflowEventLog({ env }: { env: Environment }) {
  const events = useApiQuery('audit.airflowEvents', { envId: env.id, limit: 100 });
  return (
    <div className="airflow-event-log">
      <h3 className="section-title">Airflow's event log · {env.name}</h3>
      <p className="muted">What Airflow itself recorded (triggers, clears, pauses, by any user), as of the last sync.</p>
      {events.isLoading ? <Loading label="Reading Airflow's event log…" /> : null}
      {events.error !== null ? <ErrorPanel error={events.error} title="Airflow's event log could not be read" /> : null}
      {events.data !== undefined && events.data.length === 0 ? <p>No events synced yet.</p> : null}
      {events.data !== undefined && events.data.length > 0 ? (
        <table className="data-table compact">
          <thead>
            <tr>
              <th scope="col">When</th>
              <th scope="col">Event</th>
              <th scope="col">Owner</th>
              <th scope="col">DAG</th>
              <th scope="col">Task</th>
              <th scope="col">Run</th>
            </tr>
          </thead>
          <tbody>
            {events.data.map((e) => (
              <tr key={e.id}>
                <td title={e.when}>{new Date(e.when).toLocaleString()}</td>
                <td className="mono" title={e.extra ?? undefined}>
                  {e.event}
                </td>
                <td>{e.owner ?? '—'}</td>
                <td className="mono">{e.dagId ?? '—'}</td>
                <td className="mono">{e.taskId ?? '—'}</td>
                <td className="mono">{e.runId ?? '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </div>
  );
}
