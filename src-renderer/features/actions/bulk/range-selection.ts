/** The keys chosen for a bulk action, and the last one clicked (where a Shift-click range starts). */
export interface RangeSelection {
  keys: ReadonlySet<string>;
  anchor: string | null;
}

export const EMPTY_SELECTION: RangeSelection = { keys: new Set(), anchor: null };

/** Flips one key; it becomes the anchor of the next range. */
export function toggleKey(sel: RangeSelection, key: string): RangeSelection {
  const keys = new Set(sel.keys);
  if (keys.has(key)) keys.delete(key);
  else keys.add(key);
  return { keys, anchor: key };
}

/**
 * Shift-click: every key between the anchor and this one (in list order)
 * takes the state the anchor has; with no anchor in the list, a plain toggle.
 */
export function selectRange(sel: RangeSelection, order: readonly string[], key: string): RangeSelection {
  const from = sel.anchor === null ? -1 : order.indexOf(sel.anchor);
  const to = order.indexOf(key);
  if (from < 0 || to < 0) return toggleKey(sel, key);
  const on = sel.keys.has(order[from] ?? '');
  const keys = new Set(sel.keys);
  for (let i = Math.min(from, to); i <= Math.max(from, to); i++) {
    const k = order[i];
    if (k === undefined) continue;
    if (on) keys.add(k);
    else keys.delete(k);
  }
  return { keys, anchor: key };
}

/** Drops keys no longer listed (after a filter or a refresh). */
export function keepListed(sel: RangeSelection, order: readonly string[]): RangeSelection {
  const listed = new Set(order);
  const keys = [...sel.keys].filter((k) => listed.has(k));
  if (keys.length === sel.keys.size) return sel;
  return { keys: new Set(keys), anchor: sel.anchor !== null && listed.has(sel.anchor) ? sel.anchor : null };
}
