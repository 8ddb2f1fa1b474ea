import type { RunSummary } from '../../../src-shared/domain/history';
import { StateBadge } from '../states/StateBadge';
import { formatDuration } from '../time/format-duration';
import { RelativeTime } from '../time/RelativeTime';
import { runsHref, type RunsView } from './runs-route';

/** Runs newest first; a run id opens its detail beside the list. */
export function RunList({ runs, view, nowMs }: { runs: readonly RunSummary[]; view: RunsView; nowMs: number }) {
  if (runs.length === 0) return <p className="table-empty">No run matches these filters.</p>;
  return (
    <table className="data-table run-table">
      <caption className="visually-hidden">Runs</caption>
      <thead>
        <tr>
          <th scope="col">State</th>
          {view.dagId === null ? <th scope="col">DAG</th> : null}
          <th scope="col">Run</th>
          <th scope="col">Type</th>
          <th scope="col">Started</th>
          <th scope="col" className="num">Duration</th>
        </tr>
      </thead>
      <tbody>
        {runs.map((run) => {
          const selected = view.selected?.runId === run.runId && view.selected.dagId === run.dagId;
          return (
            <tr key={`${run.dagId}\u0000${run.runId}`} className={selected ? 'is-selected' : undefined}>
              <td>
                <StateBadge state={run.state} />
              </td>
              {view.dagId === null ? <td className="truncate mono" title={run.dagId}>{run.dagId}</td> : null}
              <td className="truncate">
                <a className="run-link mono" href={runsHref({ ...view, selected: { dagId: run.dagId, runId: run.runId } })} aria-current={selected ? 'true' : undefined} title={run.runId}>
                  {run.runId}
                </a>
              </td>
              <td className="muted">{run.runType.replace(/_/g, ' ')}</td>
              <td className="muted">
                <RelativeTime iso={run.startDate ?? run.queuedAt ?? run.logicalDate} nowMs={nowMs} />
              </td>
              <td className="num">{formatDuration(run.durationS)}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
