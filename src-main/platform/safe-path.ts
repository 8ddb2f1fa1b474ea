import { isAbsolute, relative, resolve, sep } from 'node:path';

/**
 * Maps a URL pathname onto a file under `root`, or null when it would leave
 * `root` (dot segments, encoded separators, NUL bytes, drive letters).
 */
export function resolveInside(root: string, urlPathname: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPathname);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  const segments = decoded.split('/');
  if (segments.some((segment) => segment === '..' || segment === '.' || /^[A-Za-z]:$/.test(segment))) return null;
  const base = resolve(root);
  const target = resolve(base, '.' + '/' + segments.filter((s) => s !== '').join('/'));
  const rel = relative(base, target);
  if (rel.startsWith('..') || isAbsolute(rel)) return null;
  if (target !== base && !target.startsWith(base + sep)) return null;
  return target;
}
