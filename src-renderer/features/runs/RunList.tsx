import { navigate } from '../../platform/routing/use-route';
import type { RunSummary } from '../../../src-shared/domain/history';
import { SelectBox } from '../actions/bulk/SelectBox';
import type { BulkSelection } from '../actions/bulk/use-bulk-selection';
import { StateBadge } from '../../ui/states/StateBadge';
import { formatDuration } from '../../platform/time/format-duration';
import { RelativeTime } from '../../platform/time/RelativeTime';
import { runIdLabel } from './run-id-label';
import { runsHref, type RunsView } from '../../platform/routing/runs-route';

export const runKey = (run: { dagId: string; runId: string }): string => `${run.dagId}\u0000${run.runId}`;

/** Runs newest first; a run id opens its detail beside the list; checkboxes choose runs for bulk actions. */
export function RunList({
  runs,
  view,
  nowMs,
  selection,
}: {
  runs: readonly RunSummary[];
  view: RunsView;
  nowMs: number;
  selection: BulkSelection;
}) {
  // With a run open the list gets narrow: the type column goes, the run id keeps the room.
  const showType = view.selected === null;
  const showDag = view.dagId === null;
  if (runs.length === 0) return <p className="table-empty">No run matches these filters.</p>;
  return (
    <table className="data-table run-table">
      <caption className="visually-hidden">Runs</caption>
      <thead>
        <tr>
          <th scope="col" className="col-select">
            <input
              type="checkbox"
              className="bulk-check"
              aria-label="Select every listed run"
              checked={selection.selected.length === runs.length}
              onChange={(e) => selection.setAll(e.target.checked)}
            />
          </th>
          <th scope="col" className="col-state">
            State
          </th>
          {showDag ? (
            <th scope="col" className="col-dag">
              DAG
            </th>
          ) : null}
          <th scope="col">Run</th>
          {showType ? (
            <th scope="col" className="col-type">
              Type
            </th>
          ) : null}
          <th scope="col" className="col-started">
            Started
          </th>
          <th scope="col" className="num col-duration">
            Duration
          </th>
        </tr>
      </thead>
      <tbody>
        {runs.map((run) => {
          const selected = view.selected?.runId === run.runId && view.selected.dagId === run.dagId;
          const href = runsHref({ ...view, selected: { dagId: run.dagId, runId: run.runId } });
          return (
            <tr
              key={runKey(run)}
              className={`is-clickable${selected ? ' is-selected' : ''}`}
              // The whole row opens the run (the id link stays the keyboard's way in); the check box and links keep their own clicks.
              onClick={(event) => {
                if (!(event.target as HTMLElement).closest('a, input, button, label')) navigate(href);
              }}
            >
              <td className="col-select">
                <SelectBox selection={selection} rowKey={runKey(run)} label={`${run.dagId} ${run.runId}`} />
              </td>
              <td>
                <StateBadge state={run.state} />
              </td>
              {showDag ? (
                <td className="truncate mono" title={run.dagId}>
                  {run.dagId}
                </td>
              ) : null}
              <td className="truncate">
                <a className="run-link mono" href={href} aria-current={selected ? 'true' : undefined} title={run.runId}>
                  {runIdLabel(run.runId)}
                </a>
              </td>
              {showType ? <td className="muted">{run.runType.replace(/_/g, ' ')}</td> : null}
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
