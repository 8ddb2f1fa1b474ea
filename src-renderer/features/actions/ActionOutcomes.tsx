import type { ActionOutcome } from '../../../src-shared/domain/actions';

/** The result of each confirmed action, as written to the audit log. */
export function ActionOutcomes({ outcomes }: { outcomes: ActionOutcome[] }) {
  return (
    <ul className="action-outcomes" aria-live="polite">
      {outcomes.map((o) => (
        <li key={o.auditId} className={o.ok ? 'notice notice-ok' : 'notice notice-error'}>
          <strong>{o.ok ? 'Done' : 'Failed'}</strong>{' '}
          {o.target !== undefined && outcomes.length > 1 ? <span className="mono">{o.target}: </span> : null}
          <span>{o.message}</span>
          {o.hint !== undefined ? <p className="notice-hint">{o.hint}</p> : null}
        </li>
      ))}
    </ul>
  );
}
