import { DraftTextField } from './DraftTextField';
import type { EnvForm } from './use-env-form';

/** Astronomer: the deployment URL above is the base URL (with its path); a Deployment or Workspace API token here. */
export function AstronomerFields({ form, secretPlaceholder }: { form: EnvForm; secretPlaceholder: string | undefined }) {
  return (
    <>
      <DraftTextField
        form={form}
        field="secret"
        label="Astro API token"
        wide
        secret
        placeholder={secretPlaceholder}
        help="A Deployment API token (the deployment's Access tab, API Tokens) or a Workspace token with access to it. Base URL: the deployment URL, e.g. https://<org>.astronomer.run/<deployment>."
      />
      <p className="form-note form-field-wide muted">
        The token is stored encrypted on this machine. Astro tokens expire when their owner set them to: paste a new one then.
      </p>
    </>
  );
}

/** Amazon MWAA: region, environment name and an optional AWS profile; requests go through the AWS SDK. */
export function MwaaFields({ form }: { form: EnvForm }) {
  return (
    <>
      <DraftTextField form={form} field="mwaaRegion" label="AWS region" placeholder="us-east-1" />
      <DraftTextField form={form} field="mwaaEnvironment" label="MWAA environment name" placeholder="MyAirflowEnvironment" />
      <DraftTextField
        form={form}
        field="mwaaProfile"
        label="AWS profile (optional)"
        help="A profile of ~/.aws/config; empty uses AWS_PROFILE, environment variables or the instance role."
      />
      <DraftTextField
        form={form}
        field="mwaaEndpointUrl"
        label="MWAA API endpoint (optional)"
        help="Only for a VPC interface endpoint; empty uses AWS's own."
      />
      <p className="form-note form-field-wide muted">
        Credentials come from the standard AWS chain, like the AWS CLI; nothing is stored here. The identity needs airflow:InvokeRestApi on
        the environment. Base URL: the environment's Airflow UI URL, used for links.
      </p>
    </>
  );
}

/** Google Cloud Composer: application-default credentials or a key file, optionally impersonating a service account. */
export function ComposerFields({ form }: { form: EnvForm }) {
  return (
    <>
      <DraftTextField
        form={form}
        field="composerKeyFile"
        label="Credentials file (optional)"
        wide
        help="A service account JSON key; empty uses application-default credentials (gcloud auth application-default login)."
      />
      <DraftTextField
        form={form}
        field="composerImpersonate"
        label="Impersonate service account (optional)"
        wide
        placeholder="airflow-reader@project.iam.gserviceaccount.com"
      />
      <p className="form-note form-field-wide muted">
        Base URL: the environment's Airflow web server URL (Composer, Environment details). Tokens are kept in memory and renewed before
        they expire.
      </p>
    </>
  );
}
