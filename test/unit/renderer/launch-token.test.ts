import { describe, expect, it } from 'vitest';
import { fragmentWithoutToken, tokenFromFragment } from '../../../src-renderer/platform/transport/launch-token';

describe('launch token in the URL fragment', () => {
  it('reads #token=', () => {
    expect(tokenFromFragment('#token=abc_DEF-123')).toBe('abc_DEF-123');
    expect(tokenFromFragment('token=xyz')).toBe('xyz');
  });

  it('is null when missing or empty', () => {
    expect(tokenFromFragment('')).toBeNull();
    expect(tokenFromFragment('#/overview')).toBeNull();
    expect(tokenFromFragment('#token=')).toBeNull();
  });

  it('removes only the token from the fragment', () => {
    expect(fragmentWithoutToken('#token=abc')).toBe('');
    expect(fragmentWithoutToken('#token=abc&x=1')).toBe('#x=1');
  });
});
