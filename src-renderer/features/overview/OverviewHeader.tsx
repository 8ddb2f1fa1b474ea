import type { Overview } from '../../../src-shared/api/requests/history';
import { runsHref } from '../../platform/routing/runs-route';
import { formatAbsolute } from '../../platform/time/format-relative';
import { RunStateChips } from './RunStateChips';
import { StatTile } from './StatTile';

export function OverviewHeader({ overview, synthetic }: { overview: Overview; synthetic: boolean }) {
  return (
    <div className="overview-header">
      <StatTile label="DAGs" value={overview.dagCount} />
      <RunStateChips counts={overview.runs24h} />
      <StatTile
        label="Failed runs, 7 d"
        value={overview.failedRuns7d}
        tone="bad"
        href={runsHref({ dagId: null, states: ['failed'], hours: 7 * 24, selected: null })}
      />
      <StatTile label="Failed tasks, 24 h" value={overview.failedTasks24h} tone="bad" />
      <p className="as-of muted">
        {synthetic ? 'History ends' : 'As of'} <time dateTime={overview.asOf}>{formatAbsolute(overview.asOf)}</time>
      </p>
    </div>
  );
}
