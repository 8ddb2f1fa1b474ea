import type { ServerResponse } from 'node:http';
import type { ApiErrorBody, ApiResult } from '../../src-shared/api/errors';

/** Headers on every response, static or API. */
export function securityHeaders(csp: string): Record<string, string> {
  return {
    'Content-Security-Policy': csp,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'X-Frame-Options': 'DENY',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
  };
}

/** Writes an ApiResult as JSON; never cached. */
export function sendResult(res: ServerResponse, status: number, result: ApiResult<unknown>, headers: Record<string, string>): void {
  const body = JSON.stringify(result);
  res.writeHead(status, {
    ...headers,
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': String(Buffer.byteLength(body)),
    'Cache-Control': 'no-store',
  });
  res.end(body);
}

export function sendError(res: ServerResponse, status: number, error: ApiErrorBody, headers: Record<string, string>): void {
  sendResult(res, status, { ok: false, error }, headers);
}
