import { rememberSecret } from '../../credentials/secret-redaction';
import type { AuthProvider } from './auth-provider';

/** A pasted bearer token (Airflow 3 JWT, or a managed service's token). It cannot be renewed: a 401 is final. */
export function staticTokenAuth(token: string): AuthProvider {
  const header = `Bearer ${token.trim()}`;
  rememberSecret(token);
  return {
    kind: 'static-token',
    authorization: () => Promise.resolve(header),
    invalidate: () => false,
  };
}
