/** Commands people already use to get an Airflow bearer token; the user edits the placeholders before saving. */
export interface TokenCommandPreset {
  readonly label: string;
  readonly command: string;
  readonly args: readonly string[];
  readonly note: string;
}

export const TOKEN_COMMAND_PRESETS: readonly TokenCommandPreset[] = [
  {
    label: 'Google Cloud Composer (gcloud)',
    command: 'gcloud',
    args: ['auth', 'print-access-token'],
    note: 'Prints an access token of your gcloud sign-in (about an hour); the base URL is the Composer web server URL.',
  },
  {
    label: 'Google Cloud Composer (service account, impersonated)',
    command: 'gcloud',
    args: ['auth', 'print-access-token', '--impersonate-service-account=SERVICE_ACCOUNT_EMAIL'],
    note: 'Replace SERVICE_ACCOUNT_EMAIL; your account needs the Service Account Token Creator role on it.',
  },
  {
    label: 'Kubernetes-style credential plugin',
    command: '/path/to/credential-plugin',
    args: [],
    note: 'Any program that prints a Kubernetes ExecCredential: {"status": {"token": "...", "expirationTimestamp": "..."}}.',
  },
];
