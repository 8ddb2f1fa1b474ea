/** Exponential backoff with full jitter: a uniform wait in [0, min(cap, base * 2^retry)). */
export function fullJitterDelay(retry: number, baseMs: number, capMs: number, random: () => number): number {
  const ceiling = Math.min(capMs, baseMs * 2 ** Math.max(0, retry));
  return Math.floor(random() * ceiling);
}

/**
 * A `Retry-After` header (delta seconds or an HTTP date) in ms, capped; undefined when absent or unreadable.
 * A date in the past means "now" (0).
 */
export function retryAfterMs(header: string | undefined, capMs: number, now: number = Date.now()): number | undefined {
  if (header === undefined) return undefined;
  const text = header.trim();
  if (/^\d+(\.\d+)?$/.test(text)) return Math.min(capMs, Math.round(Number(text) * 1000));
  const at = Date.parse(text);
  if (!Number.isFinite(at)) return undefined;
  return Math.min(capMs, Math.max(0, at - now));
}
