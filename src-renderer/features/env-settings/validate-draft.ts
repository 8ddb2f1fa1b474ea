import type { DraftField, EnvDraft } from './env-draft';
import { isHttpUrl } from './http-url';

export type DraftErrors = Partial<Record<DraftField, string>>;

const URL_MESSAGE = 'Enter an http(s) URL without credentials, like https://airflow.example.com';

function intInRange(text: string, min: number, max: number): boolean {
  if (!/^\d+$/.test(text.trim())) return false;
  const value = Number(text);
  return value >= min && value <= max;
}

/**
 * Inline validation, mirroring the EnvironmentInput schema. `secretRequired`
 * is true when adding (a new environment needs its password or token).
 */
export function validateDraft(draft: EnvDraft, secretRequired: boolean): DraftErrors {
  const errors: DraftErrors = {};
  const name = draft.name.trim();
  if (name.length === 0) errors.name = 'Give the environment a name.';
  else if (name.length > 80) errors.name = 'At most 80 characters.';
  if (draft.baseUrl.trim().length === 0) errors.baseUrl = 'Enter the Airflow base URL.';
  else if (!isHttpUrl(draft.baseUrl.trim())) errors.baseUrl = URL_MESSAGE;
  if (draft.authKind === 'password' && draft.username.trim().length === 0) errors.username = 'Enter the user name.';
  if (draft.authKind === 'command') {
    if (draft.command.trim().length === 0) errors.command = 'Enter the program that prints the token, e.g. gcloud.';
    else if (/[\r\n]/.test(draft.command.trim())) errors.command = 'One program name or path; put its arguments below.';
    if (!intInRange(draft.commandTimeoutS, 1, 300)) errors.commandTimeoutS = 'Whole seconds from 1 to 300.';
  }
  if (draft.authKind === 'mwaa') {
    if (!/^[a-z]{2}(-[a-z]+)+-\d{1,2}$/.test(draft.mwaaRegion.trim())) errors.mwaaRegion = 'An AWS region such as us-east-1.';
    if (!/^[a-zA-Z][0-9a-zA-Z_-]{0,79}$/.test(draft.mwaaEnvironment.trim()))
      errors.mwaaEnvironment = 'The environment name as MWAA shows it (letters, digits, - and _).';
    if (draft.mwaaProfile.trim().length > 0 && !/^[\w.+=,@/-]{1,128}$/.test(draft.mwaaProfile.trim()))
      errors.mwaaProfile = 'A profile name from ~/.aws/config.';
    if (draft.mwaaEndpointUrl.trim().length > 0 && !isHttpUrl(draft.mwaaEndpointUrl.trim())) errors.mwaaEndpointUrl = URL_MESSAGE;
  }
  if (
    draft.authKind === 'composer' &&
    draft.composerImpersonate.trim().length > 0 &&
    !/^[^@\s]+@[^@\s]+\.iam\.gserviceaccount\.com$/.test(draft.composerImpersonate.trim())
  ) {
    errors.composerImpersonate = 'A service account e-mail ending in .iam.gserviceaccount.com.';
  }
  if (
    secretRequired &&
    (draft.authKind === 'password' || draft.authKind === 'token' || draft.authKind === 'astronomer') &&
    draft.secret.length === 0
  ) {
    errors.secret = draft.authKind === 'password' ? 'Enter the password.' : 'Paste the API token.';
  }
  if (draft.clientCertFile.trim().length > 0 !== draft.clientKeyFile.trim().length > 0) {
    errors[draft.clientCertFile.trim().length > 0 ? 'clientKeyFile' : 'clientCertFile'] =
      'A client certificate needs both its certificate and its key file.';
  }
  if (draft.proxyUrl.trim().length > 0 && !isHttpUrl(draft.proxyUrl.trim())) errors.proxyUrl = URL_MESSAGE;
  if (draft.syncIntervalMin.trim().length > 0 && !intInRange(draft.syncIntervalMin, 1, 1440)) {
    errors.syncIntervalMin = 'Whole minutes from 1 to 1440, or empty for manual sync only.';
  }
  if (!intInRange(draft.historyDays, 1, 3650)) errors.historyDays = 'Whole days from 1 to 3650.';
  return errors;
}

export function hasErrors(errors: DraftErrors): boolean {
  return Object.keys(errors).length > 0;
}
