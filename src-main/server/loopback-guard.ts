import type { IncomingHttpHeaders } from 'node:http';

const LOOPBACK_NAMES = ['127.0.0.1', 'localhost', '[::1]'];

/** The Host values we answer to: a loopback name with our port (DNS-rebinding defence). */
export function allowedHosts(port: number): ReadonlySet<string> {
  return new Set(LOOPBACK_NAMES.map((name) => `${name}:${port}`));
}

export type GuardVerdict = { ok: true } | { ok: false; status: 421 | 403; message: string };

/**
 * Every request (static, API, WebSocket upgrade) must name one of our loopback
 * hosts, and if a browser sent an Origin it must be that same loopback origin.
 * No CORS: a foreign page gets nothing.
 */
export function checkLoopbackRequest(headers: IncomingHttpHeaders, hosts: ReadonlySet<string>): GuardVerdict {
  const host = (headers.host ?? '').toLowerCase();
  if (!hosts.has(host)) {
    return { ok: false, status: 421, message: 'This server only answers to its loopback address.' };
  }
  const origin = headers.origin;
  if (origin !== undefined && origin.toLowerCase() !== `http://${host}`) {
    return { ok: false, status: 403, message: 'Cross-origin requests are refused.' };
  }
  return { ok: true };
}
