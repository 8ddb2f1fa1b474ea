import { describe, expect, it } from 'vitest';
import { EMPTY_SELECTION, keepListed, selectRange, toggleKey } from '../../../src-renderer/features/actions/bulk/range-selection';

const order = ['a', 'b', 'c', 'd', 'e'];
const keys = (s: { keys: ReadonlySet<string> }): string[] => [...s.keys].sort();

describe('bulk selection', () => {
  it('toggles one row with a click or Space', () => {
    const one = toggleKey(EMPTY_SELECTION, 'b');
    expect(keys(one)).toEqual(['b']);
    expect(keys(toggleKey(one, 'b'))).toEqual([]);
  });

  it('selects the range from the last clicked row with Shift-click, in either direction', () => {
    const down = selectRange(toggleKey(EMPTY_SELECTION, 'b'), order, 'd');
    expect(keys(down)).toEqual(['b', 'c', 'd']);
    const up = selectRange(toggleKey(down, 'e'), order, 'a');
    expect(keys(up)).toEqual(['a', 'b', 'c', 'd', 'e']);
  });

  it('un-selects a range when the anchor was un-ticked', () => {
    const all = { keys: new Set(order), anchor: null };
    const off = selectRange(toggleKey(all, 'd'), order, 'b');
    expect(keys(off)).toEqual(['a', 'e']);
  });

  it('toggles when the anchor left the list, and drops rows no longer listed', () => {
    const sel = toggleKey(toggleKey(EMPTY_SELECTION, 'a'), 'z');
    expect(keys(selectRange(sel, order, 'c'))).toEqual(['a', 'c', 'z']);
    const kept = keepListed(sel, order);
    expect(keys(kept)).toEqual(['a']);
    expect(kept.anchor).toBeNull();
  });
});
