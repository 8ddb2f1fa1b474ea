import { useId, type ReactNode } from 'react';

export interface FieldIds {
  id: string;
  describedBy: string | undefined;
  invalid: boolean;
}

/** A label, its control, a help line and an inline error tied to the control for screen readers. */
export function FormField({
  label,
  error,
  help,
  children,
  wide = false,
}: {
  label: string;
  error?: string | undefined;
  help?: string | undefined;
  wide?: boolean;
  children: (ids: FieldIds) => ReactNode;
}) {
  const id = useId();
  const helpId = `${id}-help`;
  const errorId = `${id}-error`;
  const describedBy = [error !== undefined ? errorId : null, help !== undefined ? helpId : null].filter((part) => part !== null).join(' ');
  return (
    <div className={`form-field${wide ? ' form-field-wide' : ''}${error !== undefined ? ' has-error' : ''}`}>
      <label htmlFor={id}>{label}</label>
      {children({ id, describedBy: describedBy.length > 0 ? describedBy : undefined, invalid: error !== undefined })}
      {error !== undefined ? (
        <span className="field-error" id={errorId}>
          {error}
        </span>
      ) : null}
      {help !== undefined ? (
        <span className="field-help" id={helpId}>
          {help}
        </span>
      ) : null}
    </div>
  );
}
