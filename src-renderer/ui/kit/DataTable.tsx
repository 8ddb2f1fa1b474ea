import { useState, type ReactNode } from 'react';
import styles from './DataTable.module.css';
import { classNames } from './class-names';

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

type Sort = { readonly key: string; readonly dir: 'ascending' | 'descending' } | null;

function sorted<R>(rows: readonly R[], columns: readonly DataColumn<R>[], sort: Sort): readonly R[] {
  const by = sort === null ? undefined : columns.find((c) => c.key === sort.key)?.sortValue;
  if (sort === null || by === undefined) return rows;
  const sign = sort.dir === 'ascending' ? 1 : -1;
  return [...rows].sort((a, b) => {
    const x = by(a);
    const y = by(b);
    return sign * (typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y)));
  });
}

/** A table with a header row; columns with sortValue sort on their header button (aria-sort says how). */
export function DataTable<R>({ columns, rows, rowKey, label, className, empty }: DataTableProps<R>) {
  const [sort, setSort] = useState<Sort>(null);
  const toggle = (key: string) => setSort((s) => (s?.key === key && s.dir === 'ascending' ? { key, dir: 'descending' } : { key, dir: 'ascending' }));
  const shown = sorted(rows, columns, sort);
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
