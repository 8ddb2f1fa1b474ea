import { ClientCertFields } from './ClientCertFields';
import { AuthFields } from './AuthFields';
import { ColorPicker } from './ColorPicker';
import type { DraftField } from './env-draft';
import { FormField } from './FormField';
import type { EnvForm } from './use-env-form';

/** Every field of an environment: name, colour, URL, credentials, read-only, sync schedule, history, TLS and proxy. */
export function EnvironmentForm({ form, secretPlaceholder }: { form: EnvForm; secretPlaceholder: string | undefined }) {
  const { draft, shown, change, touch } = form;
  const blur = (field: DraftField) => () => touch(field);
  return (
    <div className="env-form">
      <FormField label="Name" error={shown.name}>
        {(ids) => (
          <input
            id={ids.id}
            type="text"
            value={draft.name}
            maxLength={80}
            placeholder="production"
            autoComplete="off"
            aria-invalid={ids.invalid}
            aria-describedby={ids.describedBy}
            onChange={(event) => change({ name: event.target.value })}
            onBlur={blur('name')}
          />
        )}
      </FormField>
      <FormField label="Base URL" error={shown.baseUrl} help="The Airflow web server, without /api.">
        {(ids) => (
          <input
            id={ids.id}
            type="url"
            value={draft.baseUrl}
            placeholder="https://airflow.example.com"
            autoComplete="off"
            spellCheck={false}
            aria-invalid={ids.invalid}
            aria-describedby={ids.describedBy}
            onChange={(event) => change({ baseUrl: event.target.value })}
            onBlur={blur('baseUrl')}
          />
        )}
      </FormField>
      <ColorPicker value={draft.color} onChange={(color) => change({ color })} />
      <AuthFields form={form} secretPlaceholder={secretPlaceholder} />
      <div className="form-field form-field-wide">
        <label className="checkbox">
          <input type="checkbox" checked={draft.readOnly} onChange={(event) => change({ readOnly: event.target.checked })} />
          Read-only
          <span className="field-help">The app will not clear, trigger or pause anything in this Airflow.</span>
        </label>
      </div>
      <FormField label="Sync every (minutes)" error={shown.syncIntervalMin} help="Empty: only when you click Sync now.">
        {(ids) => (
          <input
            id={ids.id}
            type="text"
            inputMode="numeric"
            value={draft.syncIntervalMin}
            placeholder="manual"
            aria-invalid={ids.invalid}
            aria-describedby={ids.describedBy}
            onChange={(event) => change({ syncIntervalMin: event.target.value })}
            onBlur={blur('syncIntervalMin')}
          />
        )}
      </FormField>
      <FormField label="History to keep (days)" error={shown.historyDays}>
        {(ids) => (
          <input
            id={ids.id}
            type="text"
            inputMode="numeric"
            value={draft.historyDays}
            aria-invalid={ids.invalid}
            aria-describedby={ids.describedBy}
            onChange={(event) => change({ historyDays: event.target.value })}
            onBlur={blur('historyDays')}
          />
        )}
      </FormField>
      <details
        className="form-advanced form-field-wide"
        open={draft.caFile.length > 0 || draft.proxyUrl.length > 0 || draft.clientCertFile.length > 0 ? true : undefined}
      >
        <summary>TLS and proxy</summary>
        <div className="env-form">
          <FormField label="CA certificate file" help="Path to a PEM file on the machine running ORC AI Desk, for a private CA.">
            {(ids) => (
              <input
                id={ids.id}
                type="text"
                value={draft.caFile}
                placeholder="/etc/ssl/certs/company-ca.pem"
                spellCheck={false}
                aria-describedby={ids.describedBy}
                onChange={(event) => change({ caFile: event.target.value })}
              />
            )}
          </FormField>
          <ClientCertFields form={form} />
          <FormField label="Proxy URL" error={shown.proxyUrl}>
            {(ids) => (
              <input
                id={ids.id}
                type="url"
                value={draft.proxyUrl}
                placeholder="http://proxy.example.com:3128"
                spellCheck={false}
                aria-invalid={ids.invalid}
                aria-describedby={ids.describedBy}
                onChange={(event) => change({ proxyUrl: event.target.value })}
                onBlur={blur('proxyUrl')}
              />
            )}
          </FormField>
        </div>
      </details>
    </div>
  );
}
