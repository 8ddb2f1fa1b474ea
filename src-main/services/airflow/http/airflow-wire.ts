import { request, type Dispatcher } from 'undici';
import { createDispatcher } from './dispatcher';
import { queryString, type QueryParams } from './query-string';
import { readBodyCapped } from './read-body';
import type { ResolvedTransportOptions } from './transport-options';

/** One attempt of one request, as the HTTP client hands it to a wire. */
export interface WireRequest {
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  /** The Airflow API path, e.g. `/api/v2/dags` (segments encoded, without the base URL's prefix). */
  path: string;
  query: QueryParams | undefined;
  headers: Record<string, string>;
  /** JSON text, or null. */
  body: string | null;
  /** `GET /api/v2/dags`, for errors. */
  call: string;
  signal: AbortSignal;
  timeoutMs: number;
  maxResponseBytes: number;
}

export interface WireResponse {
  status: number;
  contentType: string;
  retryAfter: string | undefined;
  text: string;
}

/**
 * How requests reach Airflow: HTTP to the base URL (undici), or a cloud API that relays them (MWAA's InvokeRestApi).
 * Retries, auth and error mapping stay in the client; a wire throws a network error or a provider error.
 */
export interface AirflowWire {
  send(req: WireRequest): Promise<WireResponse>;
  close(): Promise<void>;
}

function header(headers: Record<string, string | string[] | undefined>, name: string): string | undefined {
  const v = headers[name];
  return Array.isArray(v) ? v[0] : v;
}

/** HTTP(S) to the base URL over undici, keeping its path prefix (`https://host/team-a/airflow`). */
export class UndiciWire implements AirflowWire {
  private readonly origin: string;
  private readonly prefix: string;
  private readonly dispatcher: Dispatcher;

  constructor(options: ResolvedTransportOptions) {
    const base = new URL(options.baseUrl);
    this.origin = base.origin; // origin never contains user info
    this.prefix = base.pathname.replace(/\/+$/, '');
    this.dispatcher = createDispatcher(options);
  }

  async send(req: WireRequest): Promise<WireResponse> {
    const res = await request(`${this.origin}${this.prefix}${req.path}${queryString(req.query)}`, {
      method: req.method,
      headers: req.headers,
      body: req.body,
      dispatcher: this.dispatcher,
      signal: req.signal,
      headersTimeout: req.timeoutMs,
      bodyTimeout: req.timeoutMs,
    });
    const lengthText = header(res.headers, 'content-length');
    const declared = lengthText !== undefined && /^\d+$/.test(lengthText) ? Number(lengthText) : undefined;
    const text = await readBodyCapped(res.body, req.maxResponseBytes, declared, req.call);
    return {
      status: res.statusCode,
      contentType: (header(res.headers, 'content-type') ?? '').toLowerCase(),
      retryAfter: header(res.headers, 'retry-after'),
      text,
    };
  }

  close(): Promise<void> {
    return this.dispatcher.close();
  }
}
