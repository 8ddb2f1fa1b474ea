import { useMemo, useRef, useState } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { DagSummary } from '../../../src-shared/domain/history';
import { useDagRisks } from '../risk/use-dag-risks';
import { dagColumns, defaultDagSort, type DagColumn, type DagSort } from './dag-columns';
import { DagRowCells } from './DagRowCells';
import { filterDags } from './filter-dags';
import { SortHeader } from './SortHeader';
import { sortDags } from './sort-dags';

const ROW_HEIGHT = 33;

/**
 * Every DAG of an environment: sortable headers, a filter box, and only the
 * visible rows in the DOM so thousands of DAGs scroll smoothly.
 */
export function DagTable({ dags, nowMs, caption }: { dags: readonly DagSummary[]; nowMs: number; caption: string }) {
  const [filter, setFilter] = useState('');
  const [sort, setSort] = useState<DagSort>(defaultDagSort);
  const scrollRef = useRef<HTMLDivElement>(null);

  const rows = useMemo(() => sortDags(filterDags(dags, filter), sort), [dags, filter, sort]);
  const risks = useDagRisks(dags[0]?.envId ?? null);

  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
  });
  const items = virtualizer.getVirtualItems();
  const padTop = items[0]?.start ?? 0;
  const padBottom = items.length > 0 ? virtualizer.getTotalSize() - (items[items.length - 1]?.end ?? 0) : 0;

  const onSort = (column: DagColumn): void => {
    const key = column.key;
    if (key === 'tags') return;
    setSort((previous) =>
      previous.key === key ? { key, direction: previous.direction === 'asc' ? 'desc' : 'asc' } : { key, direction: column.firstDirection ?? 'asc' },
    );
  };

  return (
    <section className="dag-table-panel" aria-label={caption}>
      <div className="table-toolbar">
        <label className="filter-box">
          <span className="visually-hidden">Filter DAGs</span>
          <svg viewBox="0 0 16 16" width="13" height="13" aria-hidden="true">
            <path d="M2 3h12l-4.5 5.2V13l-3-1.5V8.2z" fill="none" stroke="currentColor" strokeWidth="1.4" strokeLinejoin="round" />
          </svg>
          <input
            type="search"
            placeholder="Filter by id, owner, tag, state…  (tag:finance owner:ana)"
            value={filter}
            onChange={(event) => setFilter(event.target.value)}
            spellCheck={false}
          />
        </label>
        <span className="muted table-count" aria-live="polite">
          {rows.length === dags.length ? `${dags.length} DAGs` : `${rows.length} of ${dags.length} DAGs`}
        </span>
      </div>
      <div className="table-scroll" ref={scrollRef} tabIndex={-1}>
        <table className="data-table dag-table">
          <caption className="visually-hidden">{caption}</caption>
          <colgroup>
            {dagColumns.map((column) => (
              <col key={column.key} style={{ width: column.width }} />
            ))}
          </colgroup>
          <thead>
            <tr>
              {dagColumns.map((column) => (
                <SortHeader key={column.key} column={column} sort={sort} onSort={onSort} />
              ))}
            </tr>
          </thead>
          <tbody>
            {padTop > 0 ? <tr className="pad-row" style={{ height: padTop }} aria-hidden="true" /> : null}
            {items.map((item) => {
              const dag = rows[item.index];
              if (dag === undefined) return null;
              return (
                <tr key={dag.dagId} className="dag-row" data-index={item.index} style={{ height: ROW_HEIGHT }}>
                  <DagRowCells dag={dag} nowMs={nowMs} risk={risks.get(dag.dagId)} />
                </tr>
              );
            })}
            {padBottom > 0 ? <tr className="pad-row" style={{ height: padBottom }} aria-hidden="true" /> : null}
          </tbody>
        </table>
        {rows.length === 0 ? (
          <p className="table-empty">{dags.length === 0 ? 'This environment has no DAGs yet.' : 'No DAG matches the filter.'}</p>
        ) : null}
      </div>
    </section>
  );
}
