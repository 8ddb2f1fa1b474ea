/**
 * Errors of the Airflow HTTP client. Messages name the call (`GET /api/v2/dags`) and never carry
 * credentials, headers, query strings or the base URL's user info. Text quoted from Airflow is
 * untrusted: callers escape it before display.
 */
import { TRANSIENT_NETWORK_CODES } from './network-error-code';

export abstract class AirflowClientError extends Error {
  /** e.g. `GET /api/v2/dags` (path only, no query). */
  readonly call: string;
  abstract readonly transient: boolean;
  protected constructor(call: string, message: string) {
    super(message);
    this.call = call;
  }
}

/** A non-2xx response. */
export class AirflowHttpError extends AirflowClientError {
  override readonly name = 'AirflowHttpError';
  readonly transient: boolean;
  constructor(
    call: string,
    readonly status: number,
    /** Airflow's `detail`/`title`, sanitised and shortened; null when absent. */
    readonly detail: string | null,
    /** For 429/503: the server's Retry-After in ms (already capped). */
    readonly retryAfterMs?: number,
  ) {
    super(call, `${call} returned HTTP ${status}${detail ? `: ${detail}` : ''}`);
    this.transient = status === 429 || status === 500 || status === 502 || status === 503 || status === 504;
  }
}

/** The request never got a response: DNS, refused, reset, TLS, timeout. */
export class AirflowNetworkError extends AirflowClientError {
  override readonly name = 'AirflowNetworkError';
  readonly transient: boolean;
  constructor(
    call: string,
    /** Node/undici code (`ECONNREFUSED`, `ENOTFOUND`, `CERT_HAS_EXPIRED`, ...) or `TIMEOUT`. */
    readonly code: string,
    host: string,
  ) {
    super(call, `${call} to ${host} failed: ${describeCode(code)} (${code})`);
    this.transient = TRANSIENT_NETWORK_CODES.has(code);
  }
}

/** The body could not be parsed as JSON although it claimed to be JSON (truncated or corrupt): retried. */
export class AirflowInvalidJsonError extends AirflowClientError {
  override readonly name = 'AirflowInvalidJsonError';
  readonly transient = true;
  constructor(
    call: string,
    readonly status: number,
  ) {
    super(call, `${call} returned a truncated or invalid JSON body (HTTP ${status})`);
  }
}

/** A 2xx response that is not JSON at all (an HTML login page, a proxy's error page): not retried. */
export class AirflowNotJsonError extends AirflowClientError {
  override readonly name = 'AirflowNotJsonError';
  readonly transient = false;
  constructor(
    call: string,
    readonly status: number,
    readonly contentType: string,
  ) {
    super(call, `${call} returned ${contentType || 'a body without a content type'} instead of JSON (HTTP ${status})`);
  }
}

export class AirflowResponseTooLargeError extends AirflowClientError {
  override readonly name = 'AirflowResponseTooLargeError';
  readonly transient = false;
  constructor(
    call: string,
    readonly limitBytes: number,
  ) {
    super(
      call,
      `${call} returned more than ${formatBytes(limitBytes)}; the response was refused (raise the size cap or narrow the request)`,
    );
  }
}

function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return `${Math.round((n / (1024 * 1024)) * 10) / 10} MiB`;
  if (n >= 1024) return `${Math.round((n / 1024) * 10) / 10} KiB`;
  return `${n} bytes`;
}

function describeCode(code: string): string {
  switch (code) {
    case 'ENOTFOUND':
      return 'host not found';
    case 'EAI_AGAIN':
      return 'DNS lookup failed temporarily';
    case 'ECONNREFUSED':
      return 'connection refused';
    case 'ECONNRESET':
    case 'UND_ERR_SOCKET':
      return 'connection reset';
    case 'TIMEOUT':
    case 'ETIMEDOUT':
    case 'UND_ERR_CONNECT_TIMEOUT':
    case 'UND_ERR_HEADERS_TIMEOUT':
    case 'UND_ERR_BODY_TIMEOUT':
      return 'timed out';
    default:
      return code.startsWith('CERT_') ||
        code.includes('TLS') ||
        code.includes('SSL') ||
        code.includes('SELF_SIGNED') ||
        code.includes('VERIFY')
        ? 'TLS certificate problem'
        : 'network error';
  }
}
