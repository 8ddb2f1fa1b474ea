import { FormField } from './FormField';
import { TOKEN_COMMAND_PRESETS } from './token-command-presets';
import type { EnvForm } from './use-env-form';

/** A program (no shell) that prints a bearer token, its arguments one per line, its timeout, and presets to start from. */
export function TokenCommandFields({ form }: { form: EnvForm }) {
  const { draft, shown, change, touch } = form;
  return (
    <>
      <FormField label="Start from" wide help="Fills the command and arguments below; edit the placeholders.">
        {(ids) => (
          <select
            id={ids.id}
            value=""
            aria-describedby={ids.describedBy}
            onChange={(event) => {
              const preset = TOKEN_COMMAND_PRESETS[Number(event.target.value)];
              if (preset) change({ command: preset.command, commandArgs: preset.args.join('\n') });
            }}
          >
            <option value="">Choose a preset…</option>
            {TOKEN_COMMAND_PRESETS.map((preset, i) => (
              <option key={preset.label} value={i} title={preset.note}>
                {preset.label}
              </option>
            ))}
          </select>
        )}
      </FormField>
      <FormField
        label="Command"
        error={shown.command}
        wide
        help="The program that prints the token: a name on PATH or a full path. It runs without a shell."
      >
        {(ids) => (
          <input
            id={ids.id}
            type="text"
            value={draft.command}
            autoComplete="off"
            spellCheck={false}
            aria-invalid={ids.invalid}
            aria-describedby={ids.describedBy}
            onChange={(event) => change({ command: event.target.value })}
            onBlur={() => touch('command')}
          />
        )}
      </FormField>
      <FormField
        label="Arguments, one per line"
        error={shown.commandArgs}
        wide
        help="Each line is one argument, passed as written (no quoting or $VARIABLES). Output: the token alone, or JSON with status.token (ExecCredential), token or access_token, and an expiry."
      >
        {(ids) => (
          <textarea
            id={ids.id}
            rows={3}
            value={draft.commandArgs}
            spellCheck={false}
            aria-invalid={ids.invalid}
            aria-describedby={ids.describedBy}
            onChange={(event) => change({ commandArgs: event.target.value })}
            onBlur={() => touch('commandArgs')}
          />
        )}
      </FormField>
      <FormField label="Timeout (s)" error={shown.commandTimeoutS}>
        {(ids) => (
          <input
            id={ids.id}
            type="text"
            inputMode="numeric"
            value={draft.commandTimeoutS}
            aria-invalid={ids.invalid}
            aria-describedby={ids.describedBy}
            onChange={(event) => change({ commandTimeoutS: event.target.value })}
            onBlur={() => touch('commandTimeoutS')}
          />
        )}
      </FormField>
      <p className="form-note form-field-wide muted">
        The token is kept in memory only, renewed shortly before the expiry it reports and once after Airflow refuses it. Test connection
        runs the command.
      </p>
    </>
  );
}
