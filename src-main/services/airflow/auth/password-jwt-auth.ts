import { rememberSecret } from '../../credentials/secret-redaction';
import { AirflowHttpError } from '../http/http-errors';
import { JsonRecord } from '../read/json-record';
import type { AuthProvider, TokenClient } from './auth-provider';

/** The simple/FAB auth manager login route is not in the v2 spec, so its reply is typed here: 201 `{access_token}`. */
interface LoginResponse {
  access_token: string;
}

export const TOKEN_PATH = '/auth/token';

/**
 * Airflow 3: username + password exchanged for a JWT at `POST /auth/token`; the JWT is cached and
 * obtained again after the server rejects it (expired, or the server's secret changed). Concurrent
 * callers share one login.
 */
export function passwordJwtAuth(username: string, password: string): AuthProvider {
  let current: Promise<string> | undefined;
  let currentHeader: string | undefined;
  rememberSecret(password);

  const login = async (client: TokenClient): Promise<string> => {
    let body: unknown;
    try {
      body = await client.postJsonWithoutAuth(TOKEN_PATH, { username, password });
    } catch (error) {
      // Never echo the server's text for this call: a 422 may quote the submitted body.
      if (error instanceof AirflowHttpError) {
        throw new AirflowHttpError(error.call, error.status, error.status === 401 ? 'Invalid credentials' : null, error.retryAfterMs);
      }
      throw error;
    }
    const token = JsonRecord.of<LoginResponse>(body, `POST ${TOKEN_PATH}`).str('access_token');
    rememberSecret(token); // a derived JWT is as secret as the password
    currentHeader = `Bearer ${token}`;
    return currentHeader;
  };

  return {
    kind: 'password-jwt',
    authorization(client) {
      if (!current) {
        const attempt = login(client);
        current = attempt;
        attempt.catch(() => {
          if (current === attempt) current = undefined; // a failed login is retried by the next request
        });
      }
      return current;
    },
    invalidate(rejected) {
      if (currentHeader === rejected) {
        current = undefined;
        currentHeader = undefined;
      }
      return true;
    },
  };
}
