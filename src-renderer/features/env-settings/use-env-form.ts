import { useMemo, useState } from 'react';
import type { DraftField, EnvDraft } from './env-draft';
import { hasErrors, validateDraft, type DraftErrors } from './validate-draft';

export interface EnvForm {
  draft: EnvDraft;
  /** Errors to show now: of fields the user has left, or all after an attempt to test or save. */
  shown: DraftErrors;
  change: (patch: Partial<EnvDraft>) => void;
  touch: (field: DraftField) => void;
  /** Shows every error; true when the draft is valid. */
  check: () => boolean;
}

/** The Add/Edit form's draft with inline validation that appears once a field is left. */
export function useEnvForm(initial: EnvDraft, requireSecret: (draft: EnvDraft) => boolean): EnvForm {
  const [draft, setDraft] = useState(initial);
  const [touched, setTouched] = useState<ReadonlySet<DraftField>>(new Set());
  const [attempted, setAttempted] = useState(false);
  const secretRequired = requireSecret(draft);
  const errors = useMemo(() => validateDraft(draft, secretRequired), [draft, secretRequired]);
  const shown = useMemo(() => {
    if (attempted) return errors;
    const visible: DraftErrors = {};
    for (const field of touched) if (errors[field] !== undefined) visible[field] = errors[field];
    return visible;
  }, [attempted, errors, touched]);
  return {
    draft,
    shown,
    change: (patch) => setDraft((previous) => ({ ...previous, ...patch })),
    touch: (field) => setTouched((previous) => (previous.has(field) ? previous : new Set([...previous, field]))),
    check: () => {
      setAttempted(true);
      return !hasErrors(errors);
    },
  };
}
