import { describe, expect, it } from 'vitest';
import { createToken, isAcceptableToken, tokensEqual } from '../../../src-main/server/token';

describe('served token', () => {
  it('is 32 random bytes in base64url, different per launch', () => {
    const a = createToken();
    expect(a).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(a, 'base64url')).toHaveLength(32);
    expect(createToken()).not.toBe(a);
    expect(isAcceptableToken(a)).toBe(true);
  });

  it('compares without throwing on length mismatch', () => {
    const t = createToken();
    expect(tokensEqual(t, t)).toBe(true);
    expect(tokensEqual(t, t.slice(1))).toBe(false);
    expect(tokensEqual(t, '')).toBe(false);
    expect(tokensEqual(t, `${t}x`)).toBe(false);
  });

  it('refuses short or odd fixed tokens', () => {
    expect(isAcceptableToken('short')).toBe(false);
    expect(isAcceptableToken('a'.repeat(31))).toBe(false);
    expect(isAcceptableToken(`${'a'.repeat(40)} b`)).toBe(false);
    expect(isAcceptableToken(`${'a'.repeat(40)},b`)).toBe(false);
  });
});
