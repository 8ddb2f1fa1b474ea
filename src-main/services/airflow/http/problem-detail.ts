/**
 * A short, printable summary of an Airflow error body: FastAPI `{"detail": "..."}`, FastAPI 422
 * `{"detail": [{"msg": ...}]}` (only `msg`: the `input` member may echo a submitted password),
 * connexion problem JSON `{"title", "detail"}`, or plain text. Control characters are removed and
 * the result is cut to 200 characters; it stays untrusted text for the UI.
 */
import { redactSecrets } from '../../credentials/secret-redaction';

const MAX = 200;

export function sanitizeText(text: string, max = MAX): string {
  const flat = text
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f-\u009f]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

function fromJson(body: unknown): string | null {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return null;
  const { detail, title } = body as { detail?: unknown; title?: unknown };
  if (typeof detail === 'string' && detail.trim()) return detail;
  if (Array.isArray(detail)) {
    const msgs = detail
      .map((d) => (typeof d === 'object' && d !== null ? (d as { msg?: unknown }).msg : undefined))
      .filter((m): m is string => typeof m === 'string');
    if (msgs.length) return msgs.join('; ');
  }
  if (typeof title === 'string' && title.trim()) return title;
  const { error } = body as { error?: unknown };
  return typeof error === 'string' && error.trim() ? error : null;
}

export function problemDetail(raw: string, contentType: string): string | null {
  // Secrets go before the text is cut short, so no prefix of one survives the cut.
  const text = redactSecrets(raw);
  if (!text.trim()) return null;
  if (contentType.includes('json')) {
    try {
      const found = fromJson(JSON.parse(text));
      return found === null ? null : sanitizeText(found);
    } catch {
      return null;
    }
  }
  if (contentType.includes('html')) return null; // an error page: its text is noise
  return sanitizeText(text);
}
