import { ProviderError } from '../auth/provider-error';
import { MwaaServiceError } from './invoke-rest-api-command';

export interface MwaaTarget {
  region: string;
  environmentName: string;
  profile: string | null;
}

const profileArg = (t: MwaaTarget): string => (t.profile ? ` --profile ${t.profile}` : '');

/** Codes AWS uses for a signature made with credentials that are expired, unknown or wrong. */
const CREDENTIAL_CODES = new Set([
  'ExpiredTokenException',
  'ExpiredToken',
  'UnrecognizedClientException',
  'InvalidSignatureException',
  'InvalidClientTokenId',
  'SignatureDoesNotMatch',
]);

/**
 * What an AWS SDK failure means for the person: an SSO session to renew, credentials to set up, the wrong region or
 * environment name, an IAM policy that forbids the call. Anything else (network) is returned as is for the client.
 */
export function mwaaFailure(error: unknown, t: MwaaTarget): unknown {
  if (!(error instanceof Error)) return error;
  const where = `MWAA environment "${t.environmentName}" in ${t.region}`;
  const text = `${error.name} ${error.message}`;
  if (/sso/i.test(text) && /(expired|invalid|refresh|token)/i.test(text)) {
    return new ProviderError(
      'credentials',
      `The AWS SSO session${t.profile ? ` of profile "${t.profile}"` : ''} has expired.`,
      `Run \`aws sso login${profileArg(t)}\` in a terminal, then test again.`,
    );
  }
  if (error.name === 'CredentialsProviderError' || /could not load credentials/i.test(error.message)) {
    return new ProviderError(
      'credentials',
      `No AWS credentials were found${t.profile ? ` for profile "${t.profile}"` : ''}.`,
      t.profile
        ? `Check that ~/.aws/config has [profile ${t.profile}]; for SSO run \`aws sso login${profileArg(t)}\`.`
        : 'Set up credentials the AWS CLI can use (aws configure, aws sso login, AWS_PROFILE or an instance role), or name a profile.',
    );
  }
  if (!(error instanceof MwaaServiceError)) return error;
  if (CREDENTIAL_CODES.has(error.code)) {
    return new ProviderError(
      'credentials',
      `AWS refused the credentials (${error.code}).`,
      `Renew them (aws sso login${profileArg(t)}, or new access keys), then test again.`,
    );
  }
  if (error.code === 'ResourceNotFoundException') {
    return new ProviderError(
      'environment',
      `There is no ${where}.`,
      'Check the region and the environment name (the AWS console lists them under Amazon MWAA > Environments).',
    );
  }
  if (error.code === 'AccessDeniedException') {
    return new ProviderError(
      'forbidden',
      `AWS refused airflow:InvokeRestApi on the ${where}.`,
      'The IAM identity needs airflow:InvokeRestApi on this environment (with an Airflow role such as Viewer or User), see the MWAA guide "Using the Apache Airflow REST API".',
    );
  }
  if (error.code === 'ValidationException') {
    return new ProviderError(
      'environment',
      `MWAA refused the request for the ${where}: ${error.message.slice(0, 300)}`,
      'InvokeRestApi needs an environment on Airflow 2.4.3 or later; check the name and region.',
    );
  }
  return new ProviderError(
    'unavailable',
    `MWAA answered ${error.code} (HTTP ${error.httpStatus}).`,
    'Try again later; check the AWS Health Dashboard for the region.',
  );
}
