import type { AuthKind } from './env-draft';
import { AstronomerFields, ComposerFields, MwaaFields } from './CloudAuthFields';
import { FormField } from './FormField';
import { TokenCommandFields } from './TokenCommandFields';
import type { EnvForm } from './use-env-form';

const kinds: readonly { kind: AuthKind; label: string }[] = [
  { kind: 'password', label: 'User and password' },
  { kind: 'token', label: 'API token' },
  { kind: 'command', label: 'Token command' },
  { kind: 'astronomer', label: 'Astronomer' },
  { kind: 'mwaa', label: 'Amazon MWAA' },
  { kind: 'composer', label: 'Google Composer' },
  { kind: 'none', label: 'None' },
];

/** How to sign in; the password or token is write-only (empty in Edit keeps the stored one). */
export function AuthFields({ form, secretPlaceholder }: { form: EnvForm; secretPlaceholder: string | undefined }) {
  const { draft, shown, change, touch } = form;
  return (
    <>
      <div className="form-field form-field-wide">
        <span className="field-label">Authentication</span>
        <div className="segmented" role="radiogroup" aria-label="Authentication">
          {kinds.map((option) => (
            <label key={option.kind} className={draft.authKind === option.kind ? 'is-checked' : undefined}>
              <input
                type="radio"
                name="env-auth"
                value={option.kind}
                checked={draft.authKind === option.kind}
                onChange={() => change({ authKind: option.kind, secret: '' })}
              />
              {option.label}
            </label>
          ))}
        </div>
      </div>
      {draft.authKind === 'password' ? (
        <>
          <FormField label="User name" error={shown.username}>
            {(ids) => (
              <input
                id={ids.id}
                type="text"
                value={draft.username}
                autoComplete="off"
                spellCheck={false}
                aria-invalid={ids.invalid}
                aria-describedby={ids.describedBy}
                onChange={(event) => change({ username: event.target.value })}
                onBlur={() => touch('username')}
              />
            )}
          </FormField>
          <FormField label="Password" error={shown.secret}>
            {(ids) => (
              <input
                id={ids.id}
                type="password"
                value={draft.secret}
                autoComplete="new-password"
                placeholder={secretPlaceholder}
                aria-invalid={ids.invalid}
                aria-describedby={ids.describedBy}
                onChange={(event) => change({ secret: event.target.value })}
                onBlur={() => touch('secret')}
              />
            )}
          </FormField>
        </>
      ) : null}
      {draft.authKind === 'token' ? (
        <FormField label="API token" error={shown.secret} wide help="A bearer token (Airflow 3).">
          {(ids) => (
            <input
              id={ids.id}
              type="password"
              value={draft.secret}
              autoComplete="off"
              placeholder={secretPlaceholder}
              aria-invalid={ids.invalid}
              aria-describedby={ids.describedBy}
              onChange={(event) => change({ secret: event.target.value })}
              onBlur={() => touch('secret')}
            />
          )}
        </FormField>
      ) : null}
      {draft.authKind === 'command' ? <TokenCommandFields form={form} /> : null}
      {draft.authKind === 'astronomer' ? <AstronomerFields form={form} secretPlaceholder={secretPlaceholder} /> : null}
      {draft.authKind === 'mwaa' ? <MwaaFields form={form} /> : null}
      {draft.authKind === 'composer' ? <ComposerFields form={form} /> : null}
      {draft.authKind === 'password' || draft.authKind === 'token' ? (
        <p className="form-note form-field-wide muted">Credentials are stored encrypted on this machine and never shown again.</p>
      ) : null}
    </>
  );
}
