import { rememberSecret } from '../../credentials/secret-redaction';
import type { AuthProvider } from './auth-provider';

/** Airflow 2 (`/api/v1`) with the FAB basic-auth API backend. A 401 is final. */
export function basicAuth(username: string, password: string): AuthProvider {
  const header = `Basic ${Buffer.from(`${username}:${password}`, 'utf8').toString('base64')}`;
  rememberSecret(password);
  rememberSecret(`${username}:${password}`);
  return {
    kind: 'basic',
    authorization: () => Promise.resolve(header),
    invalidate: () => false,
  };
}
