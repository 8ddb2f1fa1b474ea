import { useMemo, useState } from 'react';
import type { Environment } from '../../../src-shared/domain/environment';
import { SelectBox } from '../actions/bulk/SelectBox';
import { useBulkSelection } from '../actions/bulk/use-bulk-selection';
import { useApiMutation } from '../../platform/api/use-api-mutation';
import { useApiQuery } from '../../platform/api/use-api-query';
import { ErrorPanel } from '../../ui/feedback/ErrorPanel';
import { Loading } from '../../ui/feedback/Loading';
import { runHref } from '../../platform/routing/investigate-links';
import { StateIcon } from '../../ui/states/StateIcon';
import { formatDuration } from '../../platform/time/format-duration';
import { RelativeTime } from '../../platform/time/RelativeTime';
import { TriageBulkBar, triageKey } from './TriageBulkBar';
import { TriageNote } from './TriageNote';

export const triageWindows = [1, 7, 14, 30, 90] as const;

/** Failed runs nobody has looked at yet, newest first, across the chosen environments. */
export function TriageQueue({
  envId,
  envs,
  nowMs,
  days,
  onDays,
}: {
  envId: string | undefined;
  envs: readonly Environment[];
  nowMs: number;
  days: number;
  onDays(days: number): void;
}) {
  const [includeSeen, setIncludeSeen] = useState(false);
  const queue = useApiQuery('triage.list', { envId, days, includeSeen, limit: 200 }, { placeholderPrevious: true });
  const mark = useApiMutation('triage.mark');
  const envName = (id: string): string => envs.find((e) => e.id === id)?.name ?? id;
  const order = useMemo(() => (queue.data?.items ?? []).map(triageKey), [queue.data]);
  const selection = useBulkSelection(order);
  return (
    <section className="triage" aria-label="Triage queue">
      <header className="triage-head">
        <h2>Triage queue</h2>
        <span className="triage-count" aria-live="polite">
          {queue.data !== undefined ? `${queue.data.unseen} unseen` : ''}
        </span>
        <label className="triage-toggle">
          <input type="checkbox" checked={includeSeen} onChange={(e) => setIncludeSeen(e.target.checked)} />
          Show seen
        </label>
      </header>
      <p className="muted triage-scope">
        Failed runs of the last{' '}
        <select value={days} onChange={(e) => onDays(Number(e.target.value))} aria-label="Triage window">
          {triageWindows.map((d) => (
            <option key={d} value={d}>
              {d === 1 ? '24 h' : `${d} days`}
            </option>
          ))}
        </select>
        ; seen marks and notes stay on this machine.
      </p>
      {queue.error !== null ? <ErrorPanel error={queue.error} title="The triage queue could not be loaded" /> : null}
      {queue.data === undefined && queue.error === null ? <Loading label="Loading triage queue…" /> : null}
      {queue.data !== undefined && queue.data.items.length === 0 ? (
        <p className="table-empty">Nothing to triage: every failed run has been seen.</p>
      ) : null}
      <TriageBulkBar items={queue.data?.items ?? []} envs={envs} selection={selection} />
      <ol className="triage-list">
        {(queue.data?.items ?? []).map((item) => {
          const seen = item.seenAt !== null;
          return (
            <li key={triageKey(item)} className={`triage-item${seen ? ' is-seen' : ''}`} data-dag={item.dagId}>
              <SelectBox selection={selection} rowKey={triageKey(item)} label={`${item.dagId} ${item.runId}`} />
              <span className="state state-bad triage-icon" title="failed">
                <StateIcon shape="cross" />
              </span>
              <div className="triage-body">
                <div className="triage-line">
                  <span className="mono triage-dag">{item.dagId}</span>
                  {envs.length > 1 ? <span className="badge">{envName(item.envId)}</span> : null}
                  <span className="muted triage-when">
                    <RelativeTime iso={item.failedAt} nowMs={nowMs} />
                  </span>
                </div>
                <a className="mono triage-run" href={runHref(item.envId, item.dagId, item.runId)}>
                  {item.runId}
                </a>
                <div className="muted triage-tasks">
                  {item.failedTasks.length > 0 ? (
                    <>
                      failed: <span className="mono">{item.failedTasks.join(', ')}</span>
                    </>
                  ) : (
                    'no failed task cached'
                  )}{' '}
                  · {formatDuration(item.durationS)}
                </div>
                <TriageNote item={item} />
              </div>
              <button
                type="button"
                className="button triage-seen"
                aria-pressed={seen}
                disabled={mark.isPending}
                onClick={() => mark.mutate({ envId: item.envId, dagId: item.dagId, runId: item.runId, seen: !seen })}
              >
                {seen ? 'Seen ✓' : 'Mark seen'}
              </button>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
