import { useState } from 'react';
import type { AirflowActionInput } from '../../../../src-shared/domain/actions';
import type { Environment } from '../../../../src-shared/domain/environment';
import { ActionDialog } from '../ActionDialog';

/** Airflow takes at most this many actions in one confirmed request. */
export const MAX_BULK = 200;

export interface BulkChoice {
  label: string;
  /** One action per target, or null when the selection has nothing this applies to. */
  actions: AirflowActionInput[] | null;
}

export interface BulkBarProps {
  /** The environment every selected row belongs to; null when the selection spans several. */
  env: Environment | null;
  count: number;
  /** Every selected target, as the preview lists them. */
  targets: readonly string[];
  choices: BulkChoice[];
  onClear: () => void;
}

/**
 * What to do with the selected rows, in one confirmed action: the dialog lists
 * every target, then Airflow's preview (or why nothing can change here), and
 * after the confirmation a result for each target.
 */
export function BulkBar({ env, count, targets, choices, onClear }: BulkBarProps) {
  const [open, setOpen] = useState<BulkChoice | null>(null);
  if (count === 0) return null;
  const tooMany = count > MAX_BULK;
  const why =
    env === null
      ? 'Select rows of one environment: each action is confirmed for one environment.'
      : tooMany
        ? `At most ${MAX_BULK} at once.`
        : undefined;
  return (
    <div className="bulk-bar" role="toolbar" aria-label="Bulk actions">
      <span className="bulk-count" aria-live="polite">
        {count} selected
      </span>
      {choices.map((c) => (
        <button
          key={c.label}
          type="button"
          className="button button-small"
          disabled={why !== undefined || c.actions === null || c.actions.length === 0}
          title={why}
          onClick={() => setOpen(c)}
        >
          {c.label}
        </button>
      ))}
      <button type="button" className="button button-small" onClick={onClear}>
        Clear selection
      </button>
      {why !== undefined ? <span className="muted bulk-why">{why}</span> : null}
      {open !== null && open.actions !== null && env !== null ? (
        <ActionDialog
          env={env}
          title={`${open.label} · ${open.actions.length} target${open.actions.length === 1 ? '' : 's'}`}
          actions={open.actions}
          targets={targets}
          onClose={() => setOpen(null)}
        />
      ) : null}
    </div>
  );
}
