import type { AuthProvider } from './auth/auth-provider';
import { noAuth } from './auth/auth-provider';
import { basicAuth } from './auth/basic-auth';
import { passwordJwtAuth } from './auth/password-jwt-auth';
import { staticTokenAuth } from './auth/static-token-auth';
import { tokenCommandAuth } from './auth/token-command-auth';
import type { AirflowAuthConfig, AirflowConnectionConfig } from './connection-config';
import type { AirflowApiVersion } from '../../../src-shared/domain/connection-result';
import { AirflowHttpClient } from './http/airflow-http-client';
import type { TransportOptions } from './http/transport-options';
import { composerAuth } from './composer/composer-auth';
import { MwaaWire } from './mwaa/mwaa-wire';

/** Password auth means a JWT login on Airflow 3 and basic auth on Airflow 2. */
export function authProviderFor(auth: AirflowAuthConfig, apiVersion: AirflowApiVersion): AuthProvider {
  switch (auth.kind) {
    case 'password':
      return apiVersion === 'v2' ? passwordJwtAuth(auth.username, auth.password) : basicAuth(auth.username, auth.password);
    case 'token':
      return staticTokenAuth(auth.token);
    case 'command':
      return tokenCommandAuth({ command: auth.command, args: auth.args, timeoutMs: auth.timeoutMs });
    case 'astronomer':
      return staticTokenAuth(auth.token);
    case 'composer':
      return composerAuth({ keyJson: auth.keyJson, impersonate: auth.impersonate });
    case 'mwaa': // signed by the AWS SDK on the MWAA wire
    case 'none':
      return noAuth;
  }
}

/** The transport of a connection: MWAA environments are reached through the AWS SDK, the others over HTTP. */
export function transportFor(config: AirflowConnectionConfig): Omit<TransportOptions, 'baseUrl'> {
  const auth = config.auth;
  if (auth.kind !== 'mwaa') return config.transport ?? {};
  return { ...config.transport, wire: () => new MwaaWire(auth) };
}

export function createAirflowClient(config: AirflowConnectionConfig, apiVersion: AirflowApiVersion): AirflowHttpClient {
  return new AirflowHttpClient({ ...transportFor(config), baseUrl: config.baseUrl }, authProviderFor(config.auth, apiVersion));
}
