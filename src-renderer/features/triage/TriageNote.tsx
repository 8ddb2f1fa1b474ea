import { useState } from 'react';
import type { TriageItem } from '../../../src-shared/domain/investigate';
import { useApiMutation } from '../../platform/api/use-api-mutation';

/** A local note on a failed run: shown as text, edited in a textarea, saved with the run's seen state unchanged. */
export function TriageNote({ item }: { item: TriageItem }) {
  const [draft, setDraft] = useState<string | null>(null);
  const mark = useApiMutation('triage.mark');
  const save = (): void => {
    mark.mutate(
      { envId: item.envId, dagId: item.dagId, runId: item.runId, seen: item.seenAt !== null, note: draft ?? '' },
      { onSuccess: () => setDraft(null) },
    );
  };
  if (draft === null) {
    return (
      <div className="triage-note">
        {item.note !== null ? <p className="triage-note-text">{item.note}</p> : null}
        <button
          type="button"
          className="link-button"
          onClick={() => setDraft(item.note ?? '')}
          aria-label={`${item.note === null ? 'Add a note to' : 'Edit the note of'} ${item.dagId} ${item.runId}`}
        >
          {item.note === null ? 'Add note' : 'Edit note'}
        </button>
      </div>
    );
  }
  return (
    <form
      className="triage-note-form"
      onSubmit={(event) => {
        event.preventDefault();
        save();
      }}
    >
      <label className="visually-hidden" htmlFor={`note-${item.envId}-${item.dagId}-${item.runId}`}>
        Note
      </label>
      <textarea
        id={`note-${item.envId}-${item.dagId}-${item.runId}`}
        value={draft}
        onChange={(e) => setDraft(e.target.value)}
        rows={2}
        maxLength={4000}
        autoFocus
      />
      <div className="triage-note-actions">
        <button type="submit" className="button button-primary" disabled={mark.isPending}>
          Save note
        </button>
        <button type="button" className="button" onClick={() => setDraft(null)}>
          Cancel
        </button>
      </div>
    </form>
  );
}
