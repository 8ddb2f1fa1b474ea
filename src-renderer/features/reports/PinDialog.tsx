import { useState } from 'react';
import type { PinTargetInput } from '../../../src-shared/domain/incidents';
import { useApiMutation } from '../../platform/api/use-api-mutation';
import { useApiQuery } from '../../platform/api/use-api-query';
import { Dialog } from '../../ui/dialog/Dialog';
import { ErrorPanel } from '../../ui/feedback/ErrorPanel';
import { incidentHref } from '../../platform/routing/incident-links';

const NEW = '__new__';

/** Pins one item to an open incident of the environment, or opens a new incident from it. */
export function PinDialog({ envId, target, what, onClose }: { envId: string; target: PinTargetInput; what: string; onClose: () => void }) {
  const incidents = useApiQuery('incidents.list', { envId });
  const open = (incidents.data ?? []).filter((i) => i.status !== 'resolved');
  const [choice, setChoice] = useState<string | null>(null);
  const [title, setTitle] = useState('');
  const create = useApiMutation('incidents.create');
  const pin = useApiMutation('incidents.pin');
  const selected = choice ?? open[0]?.id ?? NEW;
  const [done, setDone] = useState<string | null>(null);
  const error = create.error ?? pin.error;
  const busy = create.isPending || pin.isPending;

  const submit = (): void => {
    if (selected === NEW) {
      create.mutate(
        { envId, from: target, ...(title.trim() !== '' ? { title: title.trim() } : {}) },
        { onSuccess: (created) => setDone(created.id) },
      );
    } else {
      pin.mutate({ incidentId: selected, target }, { onSuccess: () => setDone(selected) });
    }
  };

  return (
    <Dialog
      title="Pin to incident"
      subtitle={what}
      onClose={onClose}
      footer={
        done !== null ? (
          <>
            <button type="button" className="button" onClick={onClose}>
              Close
            </button>
            <a className="button button-primary" href={incidentHref(done)} onClick={onClose}>
              Open the incident
            </a>
          </>
        ) : (
          <>
            <button type="button" className="button" onClick={onClose}>
              Cancel
            </button>
            <button type="button" className="button button-primary" onClick={submit} disabled={busy || incidents.isLoading}>
              {selected === NEW ? 'Open incident and pin' : 'Pin'}
            </button>
          </>
        )
      }
    >
      {done !== null ? (
        <p role="status">Pinned.</p>
      ) : (
        <fieldset className="pin-choices">
          <legend className="visually-hidden">Incident</legend>
          {open.map((i) => (
            <label key={i.id} className="pin-choice">
              <input type="radio" name="incident" value={i.id} checked={selected === i.id} onChange={() => setChoice(i.id)} />
              <span>{i.title}</span> <span className={`incident-status status-${i.status}`}>{i.status}</span>
              <span className="muted"> · {i.pinCount} pinned</span>
            </label>
          ))}
          <label className="pin-choice">
            <input type="radio" name="incident" value={NEW} checked={selected === NEW} onChange={() => setChoice(NEW)} />
            <span>New incident</span>
          </label>
          {selected === NEW ? (
            <input
              className="pin-title"
              type="text"
              aria-label="Title of the new incident"
              placeholder="Title (default: what you pin)"
              value={title}
              maxLength={300}
              onChange={(e) => setTitle(e.target.value)}
            />
          ) : null}
        </fieldset>
      )}
      {error !== null ? <ErrorPanel error={error} title="It could not be pinned" /> : null}
    </Dialog>
  );
}
