import type { RiskItem } from '../../../../src-shared/domain/analytics';
import { RunSparkline } from '../RunSparkline';
import { RiskBadge } from '../../risk/RiskBadge';
import { StateBadge } from '../../../ui/states/StateBadge';
import { formatDuration } from '../../../platform/time/format-duration';
import { RelativeTime } from '../../../platform/time/RelativeTime';
import type { DagColumn } from './dag-columns';
import type { DagRow } from './dag-row';

const MAX_TAGS = 3;

function Count({ value, alarm }: { value: number; alarm?: boolean }) {
  return <td className={`num${alarm === true && value > 0 ? ' count-bad' : ''}${value === 0 ? ' count-zero' : ''}`}>{value}</td>;
}

function Rate({ rate, finished }: { rate: number | null; finished: number }) {
  if (rate === null)
    return (
      <td className="num count-zero" title="No finished run in the window">
        —
      </td>
    );
  return (
    <td
      className={`num${rate > 0 ? ' count-bad' : ' count-zero'}`}
      title={`${Math.round(rate * finished)} of ${finished} finished runs failed`}
    >
      {`${(rate * 100).toFixed(rate > 0 && rate < 0.1 ? 1 : 0)} %`}
    </td>
  );
}

export interface DagCellContext {
  nowMs: number;
  risk?: RiskItem | undefined;
  /** Where the DAG id leads. */
  href: string;
  /** Name the environment beside the id (a list spanning several). */
  showEnv: boolean;
  /** How many runs a sparkline has room for. */
  slots: number;
}

/** One cell of a DAG row. Every Airflow string is rendered as text. */
function DagCell({ column, dag, context }: { column: DagColumn; dag: DagRow; context: DagCellContext }) {
  switch (column.key) {
    case 'dagId':
      return (
        <td className="cell-dag" title={dag.description ?? dag.dagId}>
          <a href={context.href} className="dag-link">
            {dag.dagId}
          </a>
          {context.showEnv && dag.envName !== undefined ? <span className="badge badge-env">{dag.envName}</span> : null}
          {dag.isPaused ? <span className="badge badge-paused">paused</span> : null}
          <RiskBadge risk={context.risk} />
        </td>
      );
    case 'schedule':
      return (
        <td className="mono muted" title={dag.schedule ?? 'No schedule'}>
          {dag.schedule ?? '—'}
        </td>
      );
    case 'owners':
      return (
        <td className="truncate" title={dag.owners.join(', ')}>
          {dag.owners.join(', ')}
        </td>
      );
    case 'tags': {
      const extraTags = dag.tags.length - MAX_TAGS;
      return (
        <td className="cell-tags" title={dag.tags.join(', ')}>
          {dag.tags.slice(0, MAX_TAGS).map((tag) => (
            <span key={tag} className="tag">
              {tag}
            </span>
          ))}
          {extraTags > 0 ? <span className="tag tag-more">+{extraTags}</span> : null}
        </td>
      );
    }
    case 'lastRunState':
      return (
        <td>
          <StateBadge state={dag.lastRunState} />
        </td>
      );
    case 'lastRunAt':
      return (
        <td className="muted">
          <RelativeTime iso={dag.lastRunAt} nowMs={context.nowMs} />
        </td>
      );
    case 'runs24h':
      return <Count value={dag.runs24h} />;
    case 'failed24h':
    case 'failed7d':
      return <Count value={dag[column.key]} alarm />;
    case 'failureRate':
      return <Rate rate={dag.stats?.failureRate ?? null} finished={dag.stats?.finishedRuns ?? 0} />;
    case 'meanDurationS':
      return <td className="num mono">{formatDuration(dag.stats?.meanDurationS ?? null)}</td>;
    case 'recent':
      return (
        <td className="cell-spark">
          <RunSparkline runs={dag.stats?.recent ?? []} slots={context.slots} />
        </td>
      );
  }
}

/** The cells of one DAG row, one per column. */
export function DagRowCells({ dag, columns, context }: { dag: DagRow; columns: readonly DagColumn[]; context: DagCellContext }) {
  return (
    <>
      {columns.map((column) => (
        <DagCell key={column.key} column={column} dag={dag} context={context} />
      ))}
    </>
  );
}
