import { GoogleAuth, Impersonated, type AuthClient } from 'google-auth-library';
import { rememberSecret } from '../../credentials/secret-redaction';
import type { AuthProvider } from '../auth/auth-provider';
import { ProviderError } from '../auth/provider-error';
import { composerFailure } from './composer-errors';
import { keyFileTokenUri, transporterFor } from './google-token-uri';

const SCOPES = ['https://www.googleapis.com/auth/cloud-platform'];

export interface ComposerCredentials {
  /** The text of a credentials JSON (service account or authorized user); null for application-default credentials. */
  keyJson: string | null;
  impersonate: string | null;
}

function parseKey(keyJson: string): Record<string, unknown> {
  try {
    const key: unknown = JSON.parse(keyJson);
    if (typeof key === 'object' && key !== null && typeof (key as { type?: unknown }).type === 'string')
      return key as Record<string, unknown>;
  } catch {
    // reported below, without the file's text
  }
  throw new ProviderError(
    'credentials',
    'The Google credentials file is not a credentials JSON (it needs a "type" such as service_account).',
    'Download a JSON key of the service account again, or leave the file empty to use application-default credentials.',
  );
}

async function googleClient(creds: ComposerCredentials): Promise<AuthClient> {
  const key = creds.keyJson === null ? null : parseKey(creds.keyJson);
  const transporter = transporterFor(key ? keyFileTokenUri(key) : null);
  const auth = new GoogleAuth({ scopes: SCOPES, clientOptions: { transporter }, ...(key ? { credentials: key } : {}) });
  const source = await auth.getClient();
  if (creds.impersonate === null) return source;
  return new Impersonated({ sourceClient: source, targetPrincipal: creds.impersonate, targetScopes: SCOPES, lifetime: 3600, transporter });
}

/** One google-auth-library client per credential, shared by every Airflow client of the process (it caches the token). */
const shared = new Map<string, Promise<AuthClient>>();

/**
 * Google Cloud Composer: bearer tokens from google-auth-library (application-default credentials, a key file, or an
 * impersonated service account), renewed by the library before they expire (five minutes ahead) and once after a 401.
 */
export function composerAuth(creds: ComposerCredentials): AuthProvider {
  const key = JSON.stringify([creds.keyJson, creds.impersonate]);
  let current: string | undefined;
  const client = (): Promise<AuthClient> => {
    let made = shared.get(key);
    if (!made) {
      made = googleClient(creds);
      shared.set(key, made);
      made.catch(() => shared.delete(key)); // the next request tries again (after `gcloud auth application-default login`)
    }
    return made;
  };
  return {
    kind: 'google',
    async authorization() {
      try {
        const { token } = await (await client()).getAccessToken();
        if (!token) throw new Error('no access token');
        rememberSecret(token);
        current = `Bearer ${token}`;
        return current;
      } catch (error) {
        throw error instanceof ProviderError ? error : composerFailure(error, creds.impersonate);
      }
    },
    invalidate(rejected) {
      if (rejected !== current) return true;
      current = undefined;
      shared.delete(key); // a new client asks Google for a new token on the next request
      return true;
    },
  };
}
