import { request } from 'undici';
import { networkErrorCode, tlsProblem } from '../airflow/http/network-error-code';
import { readBodyCapped } from '../airflow/http/read-body';
import type { MonitoringProblem } from '../../../src-shared/domain/monitoring';

export const MONITORING_TIMEOUT_MS = 5_000;
const BODY_LIMIT_BYTES = 8 * 1024 * 1024;

/** A monitoring source that could not be read, with the user's words for why. */
export class MonitoringSourceError extends Error {
  constructor(
    readonly problem: MonitoringProblem,
    message: string,
    readonly hint: string,
  ) {
    super(message);
    this.name = 'MonitoringSourceError';
  }
}

/** Joins a path onto a base URL that may itself have a path prefix (`http://host/prometheus`). */
export function endpoint(baseUrl: string, path: string, query: Record<string, string> = {}): URL {
  const base = new URL(baseUrl);
  const url = new URL(`${base.pathname.replace(/\/+$/, '')}${path}`, base.origin);
  for (const [key, value] of Object.entries(query)) url.searchParams.set(key, value);
  return url;
}

function networkFailure(error: unknown, what: string, url: URL, timeoutMs: number): MonitoringSourceError {
  const code = networkErrorCode(error) ?? '';
  const where = `${url.host}`;
  if (code === 'ECONNREFUSED')
    return new MonitoringSourceError(
      'refused',
      `${what} refused the connection at ${where}.`,
      `Nothing listens there. Check the port, and that ${what} is running.`,
    );
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN' || code === 'EAI_NONAME')
    return new MonitoringSourceError(
      'host_not_found',
      `The host ${url.hostname} could not be resolved.`,
      'Check its spelling, or connect to the VPN it lives behind.',
    );
  if (
    code === 'TIMEOUT' ||
    code === 'ETIMEDOUT' ||
    code.endsWith('_TIMEOUT') ||
    (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError'))
  ) {
    return new MonitoringSourceError(
      'timeout',
      `${what} did not answer within ${Math.round(timeoutMs / 1000)} s.`,
      'Check firewalls and the URL; a slow query may need a quieter Prometheus.',
    );
  }
  if (tlsProblem(code) !== undefined)
    return new MonitoringSourceError(
      'tls',
      `The TLS handshake with ${where} failed (${code}).`,
      'Check the certificate, or http:// versus https://.',
    );
  return new MonitoringSourceError(
    'network',
    `The connection to ${where} failed${code ? ` (${code})` : ''}.`,
    'Check the URL and the network.',
  );
}

export interface HttpReply {
  status: number;
  text: string;
}

/**
 * One request to a URL the user configured: no redirects followed, a timeout, a size cap.
 * Never sends anything but the given body; network failures become `MonitoringSourceError`.
 */
export async function send(
  url: URL,
  what: string,
  init: { method?: 'GET' | 'POST'; body?: string; contentType?: string; timeoutMs?: number } = {},
): Promise<HttpReply> {
  const timeoutMs = init.timeoutMs ?? MONITORING_TIMEOUT_MS;
  try {
    const res = await request(url, {
      method: init.method ?? 'GET',
      headers: { accept: 'application/json', ...(init.contentType !== undefined ? { 'content-type': init.contentType } : {}) },
      ...(init.body !== undefined ? { body: init.body } : {}),
      headersTimeout: timeoutMs,
      bodyTimeout: timeoutMs,
      signal: AbortSignal.timeout(timeoutMs),
    });
    const declared = Number(res.headers['content-length']);
    const text = await readBodyCapped(res.body, BODY_LIMIT_BYTES, Number.isFinite(declared) ? declared : undefined, url.pathname);
    return { status: res.statusCode, text };
  } catch (error) {
    if (error instanceof MonitoringSourceError) throw error;
    throw networkFailure(error, what, url, timeoutMs);
  }
}

/** GET a JSON document; any status but 200 is an error naming the status. */
export async function getJson(url: URL, what: string, notThis: MonitoringProblem): Promise<unknown> {
  const reply = await send(url, what);
  if (reply.status >= 300 && reply.status < 400) {
    throw new MonitoringSourceError(
      'http',
      `${what} redirected ${url.pathname} (HTTP ${reply.status}).`,
      'Use the final URL (redirects are not followed, so a login page cannot intercept the request).',
    );
  }
  let body: unknown;
  try {
    body = JSON.parse(reply.text);
  } catch {
    throw new MonitoringSourceError(
      notThis,
      `${url.host} answered ${url.pathname} with something other than JSON (HTTP ${reply.status}).`,
      `Check that the URL is ${what}'s own base URL.`,
    );
  }
  if (reply.status !== 200 && reply.status !== 400 && reply.status !== 422) {
    throw new MonitoringSourceError(
      reply.status === 404 ? notThis : 'http',
      `${what} answered HTTP ${reply.status} for ${url.pathname}.`,
      reply.status === 404 ? `Check that the URL is ${what}'s own base URL.` : `Check ${what}'s logs.`,
    );
  }
  return body;
}
