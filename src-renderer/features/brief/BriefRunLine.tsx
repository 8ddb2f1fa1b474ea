import type { FailureBrief } from '../../../src-shared/domain/failure-brief';
import { dagHref, runHref } from '../../platform/routing/investigate-links';
import { StateBadge } from '../../ui/states/StateBadge';
import { formatDuration } from '../../platform/time/format-duration';
import { formatAbsolute } from '../../platform/time/format-relative';

const when = (iso: string | null): string => (iso === null ? '—' : formatAbsolute(iso));

/** The run in one line: DAG, run id, state, type, logical date, start, end, duration. */
export function BriefRunLine({ brief }: { brief: FailureBrief }) {
  const { envId, dagId, runId, run } = brief;
  return (
    <p className="brief-run-line">
      <a className="mono" href={dagHref(envId, dagId)}>
        {dagId}
      </a>
      <span aria-hidden="true"> / </span>
      <a className="mono" href={runHref(envId, dagId, runId)}>
        {runId}
      </a>{' '}
      <StateBadge state={run.state} />
      <span className="muted">
        {' '}
        · {run.runType.replace(/_/g, ' ')} · logical date {when(run.logicalDate)} · started {when(run.startDate)} · ended{' '}
        {when(run.endDate)} · {formatDuration(run.durationS)}
      </span>
    </p>
  );
}
