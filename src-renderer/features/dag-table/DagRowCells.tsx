import type { RiskItem } from '../../../src-shared/domain/analytics';
import type { DagSummary } from '../../../src-shared/domain/history';
import { RiskBadge } from '../risk/RiskBadge';
import { formatRoute } from '../routing/route';
import { StateBadge } from '../states/StateBadge';
import { RelativeTime } from '../time/RelativeTime';

const MAX_TAGS = 3;

function Count({ value, alarm }: { value: number; alarm?: boolean }) {
  return <td className={`num${alarm === true && value > 0 ? ' count-bad' : ''}${value === 0 ? ' count-zero' : ''}`}>{value}</td>;
}

/** The cells of one DAG row. Every Airflow string is rendered as text. */
export function DagRowCells({ dag, nowMs, risk }: { dag: DagSummary; nowMs: number; risk?: RiskItem | undefined }) {
  const extraTags = dag.tags.length - MAX_TAGS;
  return (
    <>
      <td className="cell-dag" title={dag.description ?? dag.dagId}>
        <a href={formatRoute('runs', { dag: dag.dagId })} className="dag-link">
          {dag.dagId}
        </a>
        {dag.isPaused ? <span className="badge badge-paused">paused</span> : null}
        <RiskBadge risk={risk} />
      </td>
      <td className="mono muted" title={dag.schedule ?? 'No schedule'}>
        {dag.schedule ?? '—'}
      </td>
      <td className="truncate" title={dag.owners.join(', ')}>
        {dag.owners.join(', ')}
      </td>
      <td className="cell-tags" title={dag.tags.join(', ')}>
        {dag.tags.slice(0, MAX_TAGS).map((tag) => (
          <span key={tag} className="tag">
            {tag}
          </span>
        ))}
        {extraTags > 0 ? <span className="tag tag-more">+{extraTags}</span> : null}
      </td>
      <td>
        <StateBadge state={dag.lastRunState} />
      </td>
      <td className="muted">
        <RelativeTime iso={dag.lastRunAt} nowMs={nowMs} />
      </td>
      <Count value={dag.runs24h} />
      <Count value={dag.failed24h} alarm />
      <Count value={dag.failed7d} alarm />
    </>
  );
}
