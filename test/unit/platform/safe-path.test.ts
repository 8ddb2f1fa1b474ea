import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveInside } from '../../../src-main/platform/safe-path';

const root = resolve('/srv/renderer');

describe('resolveInside', () => {
  it('maps plain paths under the root', () => {
    expect(resolveInside(root, '/')).toBe(root);
    expect(resolveInside(root, '/index.html')).toBe(join(root, 'index.html'));
    expect(resolveInside(root, '/assets/app%20x.js')).toBe(join(root, 'assets', 'app x.js'));
    expect(resolveInside(root, '//assets//a.js')).toBe(join(root, 'assets', 'a.js'));
  });

  it('refuses anything that could leave the root', () => {
    for (const p of [
      '/../etc/passwd',
      '/..%2f..%2fetc/passwd',
      '/%2e%2e/x',
      '/a/%2e%2e/%2e%2e/x',
      '/..%5cx',
      '/a%00.js',
      '/%E0%A4%A',
      '/C:/Windows',
      '/./x',
    ]) {
      expect(resolveInside(root, p), p).toBeNull();
    }
  });
});
