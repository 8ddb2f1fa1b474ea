/**
 * The one place that knows every secret this process holds (passwords, pasted and
 * derived tokens, auth headers, webhook URLs) and removes them from text: the
 * credential vault remembers each secret it stores or reads, the Airflow auth
 * providers each header and JWT they build. Messages, log lines, stored errors,
 * exports and reports pass through `redactSecrets` before they leave the engine,
 * whatever their source (an Airflow 500 that echoes the Authorization header).
 *
 * Process-wide on purpose: a secret learned by any engine in this process is
 * never worth showing by another.
 */
export const REDACTED = '[redacted]';

/** Shorter values are not searched for: redacting "ab" everywhere would garble every message and hide nothing. */
export const MIN_SECRET_LENGTH = 4;

const known = new Set<string>();
let ordered: string[] = [];

/** A secret URL (a Slack webhook) is secret in its path too: a server that echoes the request line shows only that. */
function urlParts(secret: string): string[] {
  try {
    const url = new URL(secret);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return [];
    const path = `${url.pathname}${url.search}`;
    return [path.length >= 8 ? path : '', decodeURIComponent(url.password)];
  } catch {
    return [];
  }
}

/** The forms a secret takes in text: as is, trimmed, JSON-escaped, URL-encoded, base64, and a URL's path. */
function formsOf(secret: string): string[] {
  const trimmed = secret.trim();
  return [
    secret,
    trimmed,
    JSON.stringify(trimmed).slice(1, -1),
    encodeURIComponent(trimmed),
    Buffer.from(trimmed, 'utf8').toString('base64'),
    ...urlParts(trimmed),
  ];
}

/** Remembers a secret (and its escaped and encoded forms) so that no message shows it. */
export function rememberSecret(secret: string): void {
  let added = false;
  for (const form of formsOf(secret)) {
    if (form.length < MIN_SECRET_LENGTH || known.has(form)) continue;
    known.add(form);
    added = true;
  }
  // Longest first, so a header is replaced whole before the token inside it.
  if (added) ordered = [...known].sort((a, b) => b.length - a.length);
}

/** Every remembered secret in `text` replaced by "[redacted]". */
export function redactSecrets(text: string): string {
  let out = text;
  for (const secret of ordered) {
    if (out.includes(secret)) out = out.split(secret).join(REDACTED);
  }
  return out;
}

/** `redactSecrets` for optional text. */
export function redactNullable(text: string | null): string | null {
  return text === null ? null : redactSecrets(text);
}
