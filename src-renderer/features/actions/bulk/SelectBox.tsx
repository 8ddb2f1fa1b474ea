import type { BulkSelection } from './use-bulk-selection';

/** A row's checkbox for bulk actions: Space toggles it, Shift-click selects the range from the last one. */
export function SelectBox({ selection, rowKey, label }: { selection: BulkSelection; rowKey: string; label: string }) {
  return (
    <input
      type="checkbox"
      className="bulk-check"
      aria-label={`Select ${label}`}
      checked={selection.has(rowKey)}
      onChange={(e) => selection.onCheck(rowKey, (e.nativeEvent as MouseEvent).shiftKey === true)}
    />
  );
}
