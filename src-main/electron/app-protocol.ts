import { readFile, realpath, stat } from 'node:fs/promises';
import { join, sep } from 'node:path';
import { protocol } from 'electron';
import { contentTypeFor } from '../platform/content-types';
import { resolveInside } from '../platform/safe-path';
import { APP_HOST, APP_SCHEME } from './renderer-origin';

/** Must run before `app` is ready: makes app:// a standard, secure origin. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true, codeCache: true } },
  ]);
}

async function fileInside(root: string, candidate: string): Promise<string | null> {
  try {
    const real = await realpath(candidate);
    if (!real.startsWith(root + sep)) return null;
    return (await stat(real)).isFile() ? real : null;
  } catch {
    return null;
  }
}

/**
 * Serves the bundled renderer at app://renderer/. Anything outside the
 * renderer directory (traversal, symlinks out, other hosts) is refused.
 */
export async function handleAppProtocol(rendererDir: string, csp: string): Promise<void> {
  const root = await realpath(rendererDir);
  protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url);
    if (url.host !== APP_HOST || request.method !== 'GET') return new Response('Not found', { status: 404 });
    const candidate = resolveInside(root, url.pathname);
    if (candidate === null) return new Response('Forbidden', { status: 403 });
    const file = (await fileInside(root, candidate)) ?? (await fileInside(root, join(root, 'index.html')));
    if (file === null) return new Response('Not found', { status: 404 });
    return new Response(await readFile(file), {
      status: 200,
      headers: { 'Content-Type': contentTypeFor(file), 'Content-Security-Policy': csp, 'X-Content-Type-Options': 'nosniff' },
    });
  });
}
