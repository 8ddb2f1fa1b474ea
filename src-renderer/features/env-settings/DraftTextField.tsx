import type { DraftField } from './env-draft';
import { FormField } from './FormField';
import type { EnvForm } from './use-env-form';

type TextField = { [K in DraftField]: EnvForm['draft'][K] extends string ? K : never }[DraftField];

/** One text input bound to a draft field, with its inline error. */
export function DraftTextField({
  form,
  field,
  label,
  help,
  placeholder,
  wide = false,
  secret = false,
}: {
  form: EnvForm;
  field: TextField;
  label: string;
  help?: string;
  placeholder?: string | undefined;
  wide?: boolean;
  secret?: boolean;
}) {
  const { draft, shown, change, touch } = form;
  return (
    <FormField label={label} error={shown[field]} wide={wide} help={help}>
      {(ids) => (
        <input
          id={ids.id}
          type={secret ? 'password' : 'text'}
          value={draft[field]}
          autoComplete={secret ? 'new-password' : 'off'}
          spellCheck={false}
          placeholder={placeholder}
          aria-invalid={ids.invalid}
          aria-describedby={ids.describedBy}
          onChange={(event) => change({ [field]: event.target.value })}
          onBlur={() => touch(field)}
        />
      )}
    </FormField>
  );
}
