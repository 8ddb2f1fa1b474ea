import { gaxios } from 'google-auth-library';

export const GOOGLE_TOKEN_URL = 'https://oauth2.googleapis.com/token';

/** The `token_uri` a credentials JSON names, when it is an https URL (or http on loopback); else null. */
export function keyFileTokenUri(key: Record<string, unknown>): string | null {
  const uri = key.token_uri;
  if (typeof uri !== 'string') return null;
  try {
    const url = new URL(uri);
    const loopback = url.hostname === '127.0.0.1' || url.hostname === 'localhost' || url.hostname === '[::1]';
    return url.protocol === 'https:' || (url.protocol === 'http:' && loopback) ? url.href : null;
  } catch {
    return null;
  }
}

/**
 * The HTTP transporter google-auth-library uses for one credential. google-auth-library 10 signs service-account
 * assertions for Google's token endpoint whatever the key file's `token_uri` says; this sends them to the file's
 * `token_uri` instead when it names another one (a private Google universe, a test double).
 */
export function transporterFor(tokenUri: string | null): InstanceType<typeof gaxios.Gaxios> {
  const transporter = new gaxios.Gaxios();
  if (tokenUri !== null && tokenUri !== GOOGLE_TOKEN_URL) {
    transporter.interceptors.request.add({
      resolved: (options) => {
        if (String(options.url) === GOOGLE_TOKEN_URL) options.url = new URL(tokenUri);
        return Promise.resolve(options);
      },
    });
  }
  return transporter;
}
