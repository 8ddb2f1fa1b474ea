import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { formatRoute } from '../../../platform/routing/route';
import { navigate } from '../../../platform/routing/use-route';
import { useDagRisks } from '../../risk/use-dag-risks';
import { dagColumns, defaultDagSort, isSortable, type DagColumn, type DagSort, minTableWidth } from './dag-columns';
import { dagRowKey, type DagRow } from './dag-row';
import { DagRowCells } from './DagRowCells';
import { filterDags } from './filter-dags';
import { rowKeyMove } from './row-key-move';
import { SortHeader } from './SortHeader';
import { sortDags } from './sort-dags';

const ROW_HEIGHT = 33;
const runsOf = (dag: DagRow): string => formatRoute('runs', { dag: dag.dagId });

export interface DagTableProps {
  dags: readonly DagRow[];
  nowMs: number;
  caption: string;
  columns?: readonly DagColumn[];
  initialSort?: DagSort;
  /** Filters set outside the search box (the DAGs page's selects); applied before it. */
  narrow?: (dags: readonly DagRow[]) => DagRow[];
  /** More controls for the toolbar, after the search box. */
  toolbar?: ReactNode;
  /** Where a DAG id leads: its runs unless told. */
  dagHref?: (dag: DagRow) => string;
  showEnv?: boolean;
  /** Runs per sparkline. */
  slots?: number;
}

/**
 * DAGs in a table: sortable headers, a filter box, and only the visible rows in
 * the DOM so thousands of DAGs scroll smoothly. Arrow keys, Page Up/Down, Home and
 * End move between rows (the focused one is outlined); Enter opens the DAG.
 */
export function DagTable({
  dags,
  nowMs,
  caption,
  columns = dagColumns,
  initialSort = defaultDagSort,
  narrow,
  toolbar,
  dagHref = runsOf,
  showEnv = false,
  slots = 20,
}: DagTableProps) {
  const [filter, setFilter] = useState('');
  const [sort, setSort] = useState<DagSort>(initialSort);
  const [active, setActive] = useState(0);
  const focusPending = useRef(false);
  const scrollRef = useRef<HTMLDivElement>(null);

  const rows = useMemo(() => sortDags(filterDags(narrow ? narrow(dags) : dags, filter), sort), [dags, narrow, filter, sort]);
  const riskEnv = dags[0]?.envId ?? null;
  const risks = useDagRisks(riskEnv);

  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
  });
  const items = virtualizer.getVirtualItems();
  const padTop = items[0]?.start ?? 0;
  const padBottom = items.length > 0 ? virtualizer.getTotalSize() - (items[items.length - 1]?.end ?? 0) : 0;
  const current = Math.min(active, Math.max(0, rows.length - 1));

  // Focus follows the keyboard once the row it moved to is rendered.
  useEffect(() => {
    if (!focusPending.current) return;
    const row = scrollRef.current?.querySelector<HTMLTableRowElement>(`tr.dag-row[data-index="${current}"]`);
    if (row) {
      focusPending.current = false;
      row.focus({ preventScroll: true });
    }
  });

  const onSort = (column: DagColumn): void => {
    if (!isSortable(column)) return;
    const key = column.key;
    setSort((previous) =>
      previous.key === key
        ? { key, direction: previous.direction === 'asc' ? 'desc' : 'asc' }
        : { key, direction: column.firstDirection ?? 'asc' },
    );
  };

  const onRowKey = (event: React.KeyboardEvent<HTMLTableSectionElement>): void => {
    const from = Number((event.target as HTMLElement).closest('tr')?.dataset.index ?? current);
    const page = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? ROW_HEIGHT * 10) / ROW_HEIGHT) - 1);
    const next = rowKeyMove(event.key, from, rows.length, page);
    if (next !== null) {
      event.preventDefault();
      setActive(next);
      focusPending.current = true;
      virtualizer.scrollToIndex(next, { align: 'auto' });
      return;
    }
    const dag = rows[from];
    if (event.key === 'Enter' && event.target instanceof HTMLTableRowElement && dag !== undefined) {
      event.preventDefault();
      navigate(dagHref(dag));
    }
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
        {toolbar}
        <span className="muted table-count" aria-live="polite">
          {rows.length === dags.length ? `${dags.length} DAGs` : `${rows.length} of ${dags.length} DAGs`}
        </span>
      </div>
      <div className="table-scroll" ref={scrollRef} tabIndex={-1}>
        <table className="data-table dag-table" aria-rowcount={rows.length + 1} style={{ minWidth: `${minTableWidth(columns)}px` }}>
          <caption className="visually-hidden">{`${caption}. Arrow keys move between rows, Enter opens a DAG.`}</caption>
          <colgroup>
            {columns.map((column) => (
              <col key={column.key} style={{ width: column.width }} />
            ))}
          </colgroup>
          <thead>
            <tr aria-rowindex={1}>
              {columns.map((column) => (
                <SortHeader key={column.key} column={column} sort={sort} onSort={onSort} />
              ))}
            </tr>
          </thead>
          <tbody onKeyDown={onRowKey}>
            {padTop > 0 ? <tr className="pad-row" style={{ height: padTop }} aria-hidden="true" /> : null}
            {items.map((item) => {
              const dag = rows[item.index];
              if (dag === undefined) return null;
              return (
                <tr
                  key={dagRowKey(dag)}
                  className="dag-row"
                  data-index={item.index}
                  aria-rowindex={item.index + 2}
                  tabIndex={item.index === current ? 0 : -1}
                  onFocus={(event) => {
                    if (event.target === event.currentTarget) setActive(item.index);
                  }}
                  style={{ height: ROW_HEIGHT }}
                >
                  <DagRowCells
                    dag={dag}
                    columns={columns}
                    context={{ nowMs, risk: dag.envId === riskEnv ? risks.get(dag.dagId) : undefined, href: dagHref(dag), showEnv, slots }}
                  />
                </tr>
              );
            })}
            {padBottom > 0 ? <tr className="pad-row" style={{ height: padBottom }} aria-hidden="true" /> : null}
          </tbody>
        </table>
        {rows.length === 0 ? (
          <p className="table-empty">{dags.length === 0 ? 'This environment has no DAGs yet.' : 'No DAG matches the filters.'}</p>
        ) : null}
      </div>
    </section>
  );
}
