import type { AuthProvider } from './auth/auth-provider';
import { noAuth } from './auth/auth-provider';
import { basicAuth } from './auth/basic-auth';
import { passwordJwtAuth } from './auth/password-jwt-auth';
import { staticTokenAuth } from './auth/static-token-auth';
import { tokenCommandAuth } from './auth/token-command-auth';
import type { AirflowAuthConfig, AirflowConnectionConfig } from './connection-config';
import type { AirflowApiVersion } from '../../../src-shared/domain/connection-result';
import { AirflowHttpClient } from './http/airflow-http-client';

/** Password auth means a JWT login on Airflow 3 and basic auth on Airflow 2. */
export function authProviderFor(auth: AirflowAuthConfig, apiVersion: AirflowApiVersion): AuthProvider {
  switch (auth.kind) {
    case 'password':
      return apiVersion === 'v2' ? passwordJwtAuth(auth.username, auth.password) : basicAuth(auth.username, auth.password);
    case 'token':
      return staticTokenAuth(auth.token);
    case 'command':
      return tokenCommandAuth({ command: auth.command, args: auth.args, timeoutMs: auth.timeoutMs });
    case 'none':
      return noAuth;
  }
}

export function createAirflowClient(config: AirflowConnectionConfig, apiVersion: AirflowApiVersion): AirflowHttpClient {
  return new AirflowHttpClient({ ...config.transport, baseUrl: config.baseUrl }, authProviderFor(config.auth, apiVersion));
}
