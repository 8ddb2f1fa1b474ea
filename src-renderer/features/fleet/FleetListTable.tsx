import type { FleetEnv } from '../../../src-shared/domain/investigate';
import { dagHref, failedRunsHref, runHref } from '../../platform/routing/investigate-links';
import { StateBadge } from '../../ui/states/StateBadge';
import { formatDuration } from '../../platform/time/format-duration';
import { RelativeTime } from '../../platform/time/RelativeTime';
import { fleetListLabels, type FleetList } from './fleet-lists';

/** The rows behind one fleet count; every id is text, every row links on. */
export function FleetListTable({ env, list, nowMs }: { env: FleetEnv; list: FleetList; nowMs: number }) {
  const caption = `${fleetListLabels[list]} in ${env.envName}`;
  if (list === 'failingNow' || list === 'failed24h' || list === 'failed7d') {
    const rows = env[list];
    if (rows.length === 0) return <p className="table-empty">Nothing here: no failed runs.</p>;
    return (
      <table className="data-table fleet-list">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">DAG</th>
            <th scope="col" className="num">
              {list === 'failingNow' ? 'Failed in a row' : 'Failed runs'}
            </th>
            <th scope="col">Last failure</th>
            <th scope="col">Runs</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.dagId}>
              <td className="mono truncate">
                <a href={dagHref(env.envId, row.dagId)}>{row.dagId}</a>
              </td>
              <td className="num count-bad">{row.count}</td>
              <td>
                {row.lastRunId !== null ? (
                  <a href={runHref(env.envId, row.dagId, row.lastRunId)}>
                    <RelativeTime iso={row.lastAt} nowMs={nowMs} />
                  </a>
                ) : (
                  '—'
                )}
              </td>
              <td>
                <a href={failedRunsHref(row.dagId)}>failed runs</a>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    );
  }
  if (list === 'running' || list === 'queued') {
    const rows = env[list];
    if (rows.length === 0) return <p className="table-empty">No run is {list} right now.</p>;
    return (
      <table className="data-table fleet-list">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">State</th>
            <th scope="col">DAG</th>
            <th scope="col">Run</th>
            <th scope="col" className="num">
              {list === 'running' ? 'Running for' : 'Waiting for'}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={`${row.dagId}\u0000${row.runId}`}>
              <td>
                <StateBadge state={row.state} />
              </td>
              <td className="mono truncate">{row.dagId}</td>
              <td className="mono truncate">
                <a href={runHref(env.envId, row.dagId, row.runId)}>{row.runId}</a>
              </td>
              <td className="num">{formatDuration(row.elapsedS)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    );
  }
  if (list === 'importErrors') {
    if (env.importErrors.length === 0) return <p className="table-empty">No DAG file fails to import.</p>;
    return (
      <table className="data-table fleet-list">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">File</th>
            <th scope="col">Error</th>
            <th scope="col">Since</th>
          </tr>
        </thead>
        <tbody>
          {env.importErrors.map((row) => (
            <tr key={row.filename}>
              <td className="mono truncate" title={row.filename}>
                {row.filename}
              </td>
              <td className="mono truncate" title={row.lastLine}>
                {row.lastLine}
              </td>
              <td>
                <RelativeTime iso={row.timestamp} nowMs={nowMs} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    );
  }
  if (env.staleDags.length === 0) return <p className="table-empty">Every scheduled DAG has succeeded recently.</p>;
  return (
    <table className="data-table fleet-list">
      <caption className="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">DAG</th>
          <th scope="col">Schedule</th>
          <th scope="col">Last success</th>
        </tr>
      </thead>
      <tbody>
        {env.staleDags.map((row) => (
          <tr key={row.dagId}>
            <td className="mono truncate">
              <a href={dagHref(env.envId, row.dagId)}>{row.dagId}</a>
            </td>
            <td className="mono muted">{row.schedule}</td>
            <td>{row.lastSuccessAt === null ? 'never' : <RelativeTime iso={row.lastSuccessAt} nowMs={nowMs} />}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
