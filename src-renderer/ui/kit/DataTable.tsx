import { useState, type ReactNode } from 'react';
import styles from './DataTable.module.css';
import { classNames } from './class-names';
import { nextSort, sortRows, type TableSort } from './sort-rows';

export interface DataColumn<R> {
  readonly key: string;
  readonly header: ReactNode;
  readonly cell: (row: R) => ReactNode;
  /** Right-aligned, tabular figures. */
  readonly numeric?: boolean | ((row: R) => boolean);
  /** When set, the header is a button that sorts the rows by this value. */
  readonly sortValue?: (row: R) => string | number;
}

export interface DataTableProps<R> {
  readonly columns: readonly DataColumn<R>[];
  readonly rows: readonly R[];
  readonly rowKey: (row: R, index: number) => string;
  /** The table's accessible name. */
  readonly label?: string;
  readonly className?: string;
  readonly empty?: ReactNode;
}

/** A table with a header row; columns with sortValue sort on their header button (aria-sort says how). */
export function DataTable<R>({ columns, rows, rowKey, label, className, empty }: DataTableProps<R>) {
  const [sort, setSort] = useState<TableSort>(null);
  const toggle = (key: string) => setSort((s) => nextSort(s, key));
  const shown = sortRows(rows, sort === null ? undefined : columns.find((c) => c.key === sort.key)?.sortValue, sort);
  const isNumeric = (c: DataColumn<R>, r: R) => (typeof c.numeric === 'function' ? c.numeric(r) : c.numeric === true);
  return (
    <>
      <table className={classNames(styles.table, className)} aria-label={label}>
        <thead>
          <tr>
            {columns.map((c) => (
              <th key={c.key} scope="col" aria-sort={sort?.key === c.key ? sort.dir : undefined}>
                {c.sortValue !== undefined ? (
                  <button type="button" className={styles.sort} onClick={() => toggle(c.key)}>
                    {c.header}
                    <span aria-hidden="true" className={styles.arrow}>
                      {sort?.key === c.key ? (sort.dir === 'ascending' ? '▲' : '▼') : '↕'}
                    </span>
                  </button>
                ) : (
                  c.header
                )}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {shown.map((r, i) => (
            <tr key={rowKey(r, i)}>
              {columns.map((c) => (
                <td key={c.key} className={isNumeric(c, r) ? styles.num : undefined}>
                  {c.cell(r)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      {rows.length === 0 && empty !== undefined ? empty : null}
    </>
  );
}
