import type { CurrentEnv } from '../environments/use-current-env';
import { useApiQuery } from '../../platform/api/use-api-query';
import { ErrorPanel } from '../../ui/feedback/ErrorPanel';
import { Loading } from '../../ui/feedback/Loading';
import { PageHeader } from '../../ui/PageHeader';
import { lastHours, readWindow } from '../links/date-window';
import { DateRangeForm } from '../links/DateRangeForm';
import { formatRoute, type Route } from '../../platform/routing/route';
import { navigate } from '../../platform/routing/use-route';
import { useReferenceNow } from '../../platform/time/use-reference-now';
import { TimelineChart } from './TimelineChart';

/** What ran when: swimlanes per DAG for the current environment, or all of them. */
export function TimelinePage({ current, params }: { current: CurrentEnv; params: Route['params'] }) {
  const scope = params.scope ?? current.env?.id ?? 'all';
  const envId = scope === 'all' ? undefined : scope;
  const nowMs = useReferenceNow(current.envs.find((e) => e.id === envId) ?? current.env);
  // Without chosen days: the last 24 hours up to now (not the calendar day, mostly empty future).
  const window = params.from === undefined && params.to === undefined ? lastHours(nowMs, 24) : readWindow(params, nowMs, 1);
  const timeline = useApiQuery('timeline.runs', { envId, from: window.from, to: window.to, limit: 5000 }, { placeholderPrevious: true });
  const scopes = [...current.envs.map((e) => ({ id: e.id, label: e.name })), { id: 'all', label: 'All environments' }];
  return (
    <div className="page timeline-page">
      <PageHeader
        title="Timeline"
        subtitle={envId === undefined ? 'all environments' : (current.envs.find((e) => e.id === envId)?.name ?? envId)}
      >
        <nav className="segmented" aria-label="Timeline scope">
          {scopes.map((s) => (
            <a
              key={s.id}
              href={formatRoute('timeline', { scope: s.id, from: params.from, to: params.to })}
              aria-current={s.id === scope ? 'page' : undefined}
            >
              {s.label}
            </a>
          ))}
        </nav>
      </PageHeader>
      <DateRangeForm
        key={`${window.from}${window.to}`}
        window={window}
        onApply={(from, to) => navigate(formatRoute('timeline', { scope, from, to }))}
        presets={[1, 2, 7]}
      />
      {timeline.error !== null ? <ErrorPanel error={timeline.error} title="The timeline could not be loaded" /> : null}
      {timeline.data === undefined && timeline.error === null ? <Loading label="Loading timeline…" /> : null}
      {timeline.data !== undefined ? <TimelineChart timeline={timeline.data} asOf={new Date(nowMs).toISOString()} /> : null}
      {timeline.data?.truncated === true ? (
        <p className="muted">Showing the first 5,000 runs of the window; narrow it to see the rest.</p>
      ) : null}
    </div>
  );
}
