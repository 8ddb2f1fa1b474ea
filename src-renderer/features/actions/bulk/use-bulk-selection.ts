import { useMemo, useState } from 'react';
import { EMPTY_SELECTION, keepListed, selectRange, toggleKey, type RangeSelection } from './range-selection';

export interface BulkSelection {
  /** Selected keys still listed, in list order. */
  selected: string[];
  has(key: string): boolean;
  /** For a checkbox's change: Shift-click (or Shift+Space) selects a range from the last one; a click or Space toggles one. */
  onCheck(key: string, shiftKey: boolean): void;
  setAll(on: boolean): void;
  clear(): void;
}

/** Checkbox selection over a list (keys in display order) for bulk actions. */
export function useBulkSelection(order: readonly string[]): BulkSelection {
  const [raw, setRaw] = useState<RangeSelection>(EMPTY_SELECTION);
  const sel = useMemo(() => keepListed(raw, order), [raw, order]);
  return useMemo(
    () => ({
      selected: order.filter((k) => sel.keys.has(k)),
      has: (key: string) => sel.keys.has(key),
      onCheck: (key: string, shiftKey: boolean) => setRaw(shiftKey ? selectRange(sel, order, key) : toggleKey(sel, key)),
      setAll: (on: boolean) => setRaw(on ? { keys: new Set(order), anchor: null } : EMPTY_SELECTION),
      clear: () => setRaw(EMPTY_SELECTION),
    }),
    [sel, order],
  );
}
