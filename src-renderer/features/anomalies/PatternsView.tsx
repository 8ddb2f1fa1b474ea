import { useState } from 'react';
import type { Environment } from '../../../src-shared/domain/environment';
import { useApiQuery } from '../../platform/api/use-api-query';
import { ErrorPanel } from '../../ui/feedback/ErrorPanel';
import { Loading } from '../../ui/feedback/Loading';
import { SimilarityMethodNote } from '../similar-failures/SimilarityMethodNote';
import { PatternDetailPanel } from './PatternDetailPanel';
import { Sparkline } from './Sparkline';

/** Error patterns mined from failure logs: counts over 30 days, first and last seen, how many tasks; `initial` opens one (a deep link). */
export function PatternsView({ env, initial }: { env: Environment; initial?: string | undefined }) {
  const list = useApiQuery('patterns.list', { envId: env.id });
  const [selected, setSelected] = useState<string | null>(initial ?? null);
  if (list.error !== null) return <ErrorPanel error={list.error} title="Error patterns could not be loaded" />;
  if (list.data === undefined) return <Loading label="Loading error patterns…" />;
  const items = list.data.items;
  const current = selected ?? items[0]?.patternId ?? null;
  return (
    <div className="anomaly-split">
      <div className="anomaly-column">
        <SimilarityMethodNote />
        {items.length === 0 ? <p className="table-empty">No failure logs in the cache yet.</p> : null}
        <ol className="anomaly-list" aria-label="Error patterns">
          {items.map((p) => (
            <li key={p.patternId}>
              <button
                type="button"
                className={`anomaly-item pattern-item${p.patternId === current ? ' is-selected' : ''}`}
                aria-pressed={p.patternId === current}
                onClick={() => setSelected(p.patternId)}
              >
                <span className="pattern-head">
                  {p.isNew ? <span className="sev sev-high">new</span> : null}
                  <span className="pattern-exception">{p.exception}</span>
                  <span className="pattern-count">{p.count}×</span>
                </span>
                <code className="pattern-template">{p.template}</code>
                <span className="pattern-meta muted">
                  <Sparkline values={p.daily} label={`Failures per day over 30 days for ${p.patternId}`} />
                  {p.taskCount} task{p.taskCount === 1 ? '' : 's'} · first {p.firstSeen.slice(0, 10)} · last {p.lastSeen.slice(0, 10)}
                </span>
              </button>
            </li>
          ))}
        </ol>
      </div>
      <div className="anomaly-column detail-column">{current ? <PatternDetailPanel env={env} patternId={current} /> : null}</div>
    </div>
  );
}
