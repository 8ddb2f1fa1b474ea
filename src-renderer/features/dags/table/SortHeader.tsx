import { isSortable, type DagColumn, type DagSort } from './dag-columns';

/** A column header; sortable ones are buttons and say their order with aria-sort. */
export function SortHeader({ column, sort, onSort }: { column: DagColumn; sort: DagSort; onSort: (column: DagColumn) => void }) {
  const className = column.numeric === true ? 'num' : undefined;
  if (!isSortable(column))
    return (
      <th scope="col" className={className} title={column.title}>
        {column.label}
      </th>
    );
  const active = sort.key === column.key;
  const ariaSort = active ? (sort.direction === 'asc' ? 'ascending' : 'descending') : 'none';
  return (
    <th scope="col" aria-sort={ariaSort} className={className} title={column.title}>
      <button type="button" className={`sort-button${active ? ' is-active' : ''}`} onClick={() => onSort(column)}>
        <span>{column.label}</span>
        <svg viewBox="0 0 8 10" width="8" height="10" aria-hidden="true" className="sort-arrow">
          <path d="M4 1L1 4h6z" fill={active && sort.direction === 'asc' ? 'currentColor' : 'var(--sort-idle)'} />
          <path d="M4 9L1 6h6z" fill={active && sort.direction === 'desc' ? 'currentColor' : 'var(--sort-idle)'} />
        </svg>
      </button>
    </th>
  );
}
