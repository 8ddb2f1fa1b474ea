import { noAuth, type AuthProvider, type TokenClient } from '../auth/auth-provider';
import { fullJitterDelay, retryAfterMs } from './backoff';
import { UndiciWire, type AirflowWire } from './airflow-wire';
import { ProviderError } from '../auth/provider-error';
import { AirflowClientError, AirflowHttpError, AirflowInvalidJsonError, AirflowNetworkError, AirflowNotJsonError } from './http-errors';
import { networkErrorCode } from './network-error-code';
import { problemDetail } from './problem-detail';
import type { QueryParams } from './query-string';
import { Semaphore } from './semaphore';
import { resolveTransportOptions, type ResolvedTransportOptions, type TransportOptions } from './transport-options';

export interface RequestSpec {
  method?: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  /** Absolute API path, e.g. `/api/v2/dags` (segments already encoded). */
  path: string;
  query?: QueryParams;
  /** Sent as JSON. */
  body?: unknown;
  /** Default true. */
  auth?: boolean;
  /** Retry transient failures; default true for GET, false otherwise. */
  retry?: boolean;
}

type Mode = 'json' | 'text';

/** A 403 that Airflow 3 sends for a malformed or badly signed JWT: worth one fresh login. */
function isAuthRejection(error: unknown): boolean {
  return error instanceof AirflowHttpError && (error.status === 401 || (error.status === 403 && error.detail === 'Invalid JWT token'));
}

/**
 * HTTP to one Airflow environment over undici: bounded concurrency, per-attempt timeout, retries with
 * exponential backoff and full jitter (5xx, 429 with Retry-After, resets, timeouts, truncated JSON),
 * one re-authentication after a rejected credential, and a response size cap.
 */
export class AirflowHttpClient implements TokenClient {
  private readonly options: ResolvedTransportOptions;
  private readonly wire: AirflowWire;
  private readonly semaphore: Semaphore;
  private readonly host: string;
  private requests = 0;

  constructor(
    transport: TransportOptions,
    private readonly auth: AuthProvider = noAuth,
  ) {
    this.options = resolveTransportOptions(transport);
    const base = new URL(transport.baseUrl);
    if (base.protocol !== 'http:' && base.protocol !== 'https:')
      throw new TypeError('Invalid URL: the Airflow URL must start with http:// or https://');
    this.host = base.host;
    this.wire = transport.wire?.() ?? new UndiciWire(this.options);
    this.semaphore = new Semaphore(this.options.maxConcurrency);
  }

  /** HTTP requests sent so far (every attempt and every login counts). */
  requestCount(): number {
    return this.requests;
  }

  getJson(path: string, query?: QueryParams): Promise<unknown> {
    return this.json({ path, ...(query ? { query } : {}) });
  }

  json(spec: RequestSpec): Promise<unknown> {
    return this.exchange(spec, 'json');
  }

  async text(spec: RequestSpec): Promise<string> {
    return (await this.exchange(spec, 'text')) as string;
  }

  postJsonWithoutAuth(path: string, body: unknown): Promise<unknown> {
    return this.json({ method: 'POST', path, body, auth: false, retry: true });
  }

  async close(): Promise<void> {
    await this.wire.close();
  }

  private async exchange(spec: RequestSpec, mode: Mode): Promise<unknown> {
    if (spec.auth === false) return this.withRetries(spec, undefined, mode);
    const credential = await this.auth.authorization(this);
    try {
      return await this.withRetries(spec, credential, mode);
    } catch (error) {
      if (credential === undefined || !isAuthRejection(error) || !this.auth.invalidate(credential)) throw error;
      const fresh = await this.auth.authorization(this);
      return this.withRetries(spec, fresh, mode); // once: a second rejection is final
    }
  }

  private async withRetries(spec: RequestSpec, credential: string | undefined, mode: Mode): Promise<unknown> {
    const retry = spec.retry ?? (spec.method ?? 'GET') === 'GET';
    const o = this.options;
    for (let attempt = 1; ; attempt += 1) {
      try {
        return await this.semaphore.run(() => this.attempt(spec, credential, mode));
      } catch (error) {
        if (!retry || attempt >= o.maxAttempts || !(error instanceof AirflowClientError) || !error.transient) throw error;
        const wait =
          error instanceof AirflowHttpError && error.retryAfterMs !== undefined
            ? error.retryAfterMs
            : fullJitterDelay(attempt - 1, o.backoffBaseMs, o.backoffCapMs, o.random);
        await o.sleep(wait);
      }
    }
  }

  private async attempt(spec: RequestSpec, credential: string | undefined, mode: Mode): Promise<unknown> {
    const method = spec.method ?? 'GET';
    const call = `${method} ${spec.path}`;
    const headers: Record<string, string> = {
      accept: mode === 'json' ? 'application/json' : 'text/plain',
      'user-agent': 'orc-ai-desk',
    };
    if (credential !== undefined) headers.authorization = credential;
    if (spec.body !== undefined) headers['content-type'] = 'application/json';
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), this.options.timeoutMs);
    this.requests += 1;
    try {
      const res = await this.wire.send({
        method,
        path: spec.path,
        query: spec.query,
        headers,
        body: spec.body === undefined ? null : JSON.stringify(spec.body),
        call,
        signal: controller.signal,
        timeoutMs: this.options.timeoutMs,
        maxResponseBytes: this.options.maxResponseBytes,
      });
      const { contentType, text } = res;
      const status = res.status;
      if (status < 200 || status > 299) {
        const wait = status === 429 || status === 503 ? retryAfterMs(res.retryAfter, this.options.retryAfterCapMs) : undefined;
        throw new AirflowHttpError(call, status, problemDetail(text, contentType), wait);
      }
      if (mode === 'text') return text;
      if (contentType !== '' && !contentType.includes('json')) throw new AirflowNotJsonError(call, status, contentType.split(';')[0] ?? '');
      try {
        return JSON.parse(text) as unknown;
      } catch {
        throw new AirflowInvalidJsonError(call, status);
      }
    } catch (error) {
      if (error instanceof AirflowClientError || error instanceof ProviderError) throw error;
      if (controller.signal.aborted) throw new AirflowNetworkError(call, 'TIMEOUT', this.host);
      throw new AirflowNetworkError(call, networkErrorCode(error) ?? 'UNKNOWN', this.host);
    } finally {
      clearTimeout(timer);
    }
  }
}
