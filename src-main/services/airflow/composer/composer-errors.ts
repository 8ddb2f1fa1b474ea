import { ProviderError } from '../auth/provider-error';

const ADC_HINT = 'Run `gcloud auth application-default login` in a terminal (or choose a service account key file), then test again.';

/** What a google-auth-library failure means for the person; the message never echoes a token or a key. */
export function composerFailure(error: unknown, impersonate: string | null): ProviderError {
  const text = error instanceof Error ? error.message : String(error);
  if (/could not load the default credentials/i.test(text)) {
    return new ProviderError('credentials', 'No Google application-default credentials were found on this computer.', ADC_HINT);
  }
  if (/invalid_grant|invalid_rapt|reauth|invalid_client|unauthorized_client/i.test(text)) {
    return new ProviderError('credentials', 'Google refused the credentials (expired or revoked sign-in, or a deleted key).', ADC_HINT);
  }
  if (impersonate !== null && /(PERMISSION_DENIED|403|getAccessToken)/i.test(text)) {
    return new ProviderError(
      'forbidden',
      `Google refused to impersonate ${impersonate}.`,
      'Your account needs the Service Account Token Creator role (roles/iam.serviceAccountTokenCreator) on that service account.',
    );
  }
  return new ProviderError(
    'unavailable',
    'No Google access token could be obtained.',
    'Check the network and the proxy, and that the credentials are still valid; then test again.',
  );
}
