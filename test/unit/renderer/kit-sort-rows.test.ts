import { describe, expect, it } from 'vitest';
import { nextSort, sortRows } from '../../../src-renderer/ui/kit/sort-rows';

type Row = { name: string; n: number };
const rows: readonly Row[] = [
  { name: 'b', n: 10 },
  { name: 'a', n: 9 },
  { name: 'c', n: 100 },
];

describe('the kit DataTable sort', () => {
  it('keeps the given order until a column is chosen, then sorts numbers by value and text as text, either way', () => {
    expect(sortRows(rows, (r) => r.n, null)).toBe(rows);
    expect(sortRows(rows, undefined, { key: 'n', dir: 'ascending' })).toBe(rows);
    expect(sortRows(rows, (r) => r.n, { key: 'n', dir: 'ascending' }).map((r) => r.n)).toEqual([9, 10, 100]);
    expect(sortRows(rows, (r) => r.n, { key: 'n', dir: 'descending' }).map((r) => r.n)).toEqual([100, 10, 9]);
    expect(sortRows(rows, (r) => r.name, { key: 'name', dir: 'ascending' }).map((r) => r.name)).toEqual(['a', 'b', 'c']);
    expect(rows.map((r) => r.name)).toEqual(['b', 'a', 'c']);
  });

  it('sorts ascending on a first header click and flips on the next click of the same header', () => {
    expect(nextSort(null, 'n')).toEqual({ key: 'n', dir: 'ascending' });
    expect(nextSort({ key: 'n', dir: 'ascending' }, 'n')).toEqual({ key: 'n', dir: 'descending' });
    expect(nextSort({ key: 'n', dir: 'descending' }, 'n')).toEqual({ key: 'n', dir: 'ascending' });
    expect(nextSort({ key: 'n', dir: 'descending' }, 'name')).toEqual({ key: 'name', dir: 'ascending' });
  });
});
