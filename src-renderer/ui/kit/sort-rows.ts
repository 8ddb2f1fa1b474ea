/** How a DataTable is sorted: by one column, either way; null keeps the rows' own order. */
export type TableSort = { readonly key: string; readonly dir: 'ascending' | 'descending' } | null;

/** The rows in the order sort asks for (numbers by value, anything else as text); a stable copy, never the input. */
export function sortRows<R>(rows: readonly R[], sortValue: ((row: R) => string | number) | undefined, sort: TableSort): readonly R[] {
  if (sort === null || sortValue === undefined) return rows;
  const sign = sort.dir === 'ascending' ? 1 : -1;
  return [...rows].sort((a, b) => {
    const x = sortValue(a);
    const y = sortValue(b);
    return sign * (typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y)));
  });
}

/** A header click: the first sorts ascending, the next on the same column flips it. */
export function nextSort(current: TableSort, key: string): TableSort {
  return current?.key === key && current.dir === 'ascending' ? { key, dir: 'descending' } : { key, dir: 'ascending' };
}
