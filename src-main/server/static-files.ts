import { createReadStream } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import { join, sep } from 'node:path';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { contentTypeFor } from '../platform/content-types';
import { resolveInside } from '../platform/safe-path';

export interface StaticContext {
  /** Real path of the built renderer. */
  root: string;
  headers: Record<string, string>;
}

function sendText(res: ServerResponse, status: number, text: string, headers: Record<string, string>): void {
  res.writeHead(status, { ...headers, 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(text);
}

/** The real path of an existing regular file inside root, else null (symlinks out are refused). */
async function existingFileInside(root: string, candidate: string): Promise<string | null> {
  try {
    const real = await realpath(candidate);
    if (real !== root && !real.startsWith(root + sep)) return null;
    return (await stat(real)).isFile() ? real : null;
  } catch {
    return null;
  }
}

/** A path without a file extension is a page of the single-page app; a missing asset stays a 404. */
function isPageRoute(pathname: string): boolean {
  const last = pathname.split('/').pop() ?? '';
  return !last.includes('.');
}

/** GET/HEAD of the built renderer; unknown paths fall back to index.html (single-page app). */
export async function serveStatic(req: IncomingMessage, res: ServerResponse, pathname: string, ctx: StaticContext): Promise<void> {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.setHeader('Allow', 'GET, HEAD');
    sendText(res, 405, 'Method not allowed.', ctx.headers);
    return;
  }
  const candidate = resolveInside(ctx.root, pathname);
  if (candidate === null) {
    sendText(res, 403, 'Forbidden path.', ctx.headers);
    return;
  }
  const file =
    (await existingFileInside(ctx.root, candidate)) ??
    (isPageRoute(pathname) ? await existingFileInside(ctx.root, join(ctx.root, 'index.html')) : null);
  if (file === null) {
    sendText(res, 404, 'Not found.', ctx.headers);
    return;
  }
  const info = await stat(file);
  res.writeHead(200, {
    ...ctx.headers,
    'Content-Type': contentTypeFor(file),
    'Content-Length': String(info.size),
    'Cache-Control': 'no-cache',
  });
  if (req.method === 'HEAD') {
    res.end();
    return;
  }
  const stream = createReadStream(file);
  stream.once('error', () => res.destroy());
  stream.pipe(res);
}
