import { useState } from 'react';
import type { PinTargetInput } from '../../../src-shared/domain/incidents';
import { PinDialog } from './PinDialog';

/** "Pin to incident": usable from runs, task logs, anomalies, risks, copilot answers, charts and Cypher results. */
export function PinButton({
  envId,
  target,
  what,
  label = 'Pin to incident',
  small = false,
}: {
  envId: string;
  target: PinTargetInput;
  what: string;
  label?: string;
  small?: boolean;
}) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" className={`button${small ? ' button-small' : ''}`} onClick={() => setOpen(true)}>
        {label}
      </button>
      {open ? <PinDialog envId={envId} target={target} what={what} onClose={() => setOpen(false)} /> : null}
    </>
  );
}
