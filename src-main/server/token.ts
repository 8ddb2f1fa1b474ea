import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

const TOKEN_PATTERN = /^[A-Za-z0-9_-]{32,256}$/;

/** A fresh per-launch token: 32 random bytes, base64url (43 characters). */
export function createToken(): string {
  return randomBytes(32).toString('base64url');
}

/** A caller-supplied token must be long and fit in a WebSocket subprotocol. */
export function isAcceptableToken(token: string): boolean {
  return TOKEN_PATTERN.test(token);
}

/**
 * Constant-time comparison. Both sides are hashed first so that a length
 * mismatch costs the same as a content mismatch and never throws.
 */
export function tokensEqual(expected: string, presented: string): boolean {
  const a = createHash('sha256').update(expected, 'utf8').digest();
  const b = createHash('sha256').update(presented, 'utf8').digest();
  return timingSafeEqual(a, b);
}
