import { DraftTextField } from './DraftTextField';
import type { EnvForm } from './use-env-form';

/** A client certificate for an Airflow (or the gateway in front of it) that asks for one: mTLS. */
export function ClientCertFields({ form }: { form: EnvForm }) {
  return (
    <>
      <DraftTextField
        form={form}
        field="clientCertFile"
        label="Client certificate file"
        placeholder="/home/me/.certs/airflow-client.pem"
        help="PEM, for servers that ask for a client certificate (mTLS)."
      />
      <DraftTextField
        form={form}
        field="clientKeyFile"
        label="Client key file"
        placeholder="/home/me/.certs/airflow-client.key"
        help="The certificate's private key (PEM)."
      />
      <DraftTextField
        form={form}
        field="clientKeyPassphrase"
        label="Key passphrase"
        secret
        placeholder={form.draft.clientKeyFile.length > 0 ? 'only for an encrypted key' : undefined}
        help="Stored encrypted on this machine; empty keeps the stored one."
      />
    </>
  );
}
