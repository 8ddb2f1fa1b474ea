/** A token a command printed, and when it expires (null: until the server rejects it). */
export interface CommandToken {
  readonly token: string;
  readonly expiresAtMs: number | null;
}

/** RFC 6750's b64token: what a bearer token is made of (JWTs, Google and AWS tokens included). */
const BEARER_TOKEN = /^[A-Za-z0-9\-._~+/]+=*$/;

/** The command ran but printed nothing usable; the message says what was expected, never what was printed. */
export class TokenOutputError extends Error {}

const MAX_TOKEN_CHARS = 20_000;

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (o: Json, key: string): string | undefined => (typeof o[key] === 'string' ? (o[key] as string) : undefined);

function checkedToken(token: string): string {
  const t = token.trim();
  if (t === '' || t.length > MAX_TOKEN_CHARS || !BEARER_TOKEN.test(t))
    throw new TokenOutputError('what it printed is not a bearer token (letters, digits and -._~+/ only, at most 20,000 characters)');
  return t;
}

function expiryOf(o: Json, nowMs: number): number | null {
  const at = str(o, 'expirationTimestamp') ?? str(o, 'expiry') ?? str(o, 'expires_at') ?? str(o, 'token_expiry');
  if (at !== undefined) {
    const ms = Date.parse(at);
    if (!Number.isFinite(ms)) throw new TokenOutputError(`its expiry "${at.slice(0, 40)}" is not an ISO 8601 time`);
    return ms;
  }
  const inS = o.expires_in;
  if (typeof inS === 'number' && Number.isFinite(inS) && inS > 0) return nowMs + inS * 1000;
  return null;
}

/**
 * Reads what a token command printed: a bare token on one line (gcloud auth print-access-token, astro, a script), or
 * JSON: a Kubernetes ExecCredential (`status.token`, `status.expirationTimestamp`), or an OAuth-style object
 * (`access_token`/`token`, with `expires_in` seconds or an `expiry`/`expires_at` time).
 */
export function parseTokenOutput(stdout: string, nowMs: number): CommandToken {
  const text = stdout.trim();
  if (text === '') throw new TokenOutputError('it printed nothing');
  if (!text.startsWith('{') && !text.startsWith('[')) {
    const lines = text.split(/\r?\n/);
    if (lines.length > 1) throw new TokenOutputError('it printed several lines; print the token alone, or JSON');
    return { token: checkedToken(text), expiresAtMs: null };
  }
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new TokenOutputError('its output starts like JSON but does not parse');
  }
  if (!isObject(body)) throw new TokenOutputError('its JSON is not an object');
  const holder = isObject(body.status) ? body.status : body;
  const token = str(holder, 'token') ?? str(holder, 'access_token') ?? str(holder, 'accessToken');
  if (token === undefined) throw new TokenOutputError('its JSON has no token (status.token, token or access_token)');
  return { token: checkedToken(token), expiresAtMs: expiryOf(holder, nowMs) };
}
