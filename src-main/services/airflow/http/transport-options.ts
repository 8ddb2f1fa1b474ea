import type { AirflowWire } from './airflow-wire';

/** How to reach one Airflow environment over HTTP. Everything but `baseUrl` has a default. */
export interface TransportOptions {
  /** e.g. `https://airflow.example.com` or `https://host/airflow` (a path prefix is kept). */
  baseUrl: string;
  /** Extra trusted CA certificate(s), PEM text (the file's contents), added to Node's root store. */
  caPem?: string;
  /** A client certificate and key (PEM text) for servers that ask for one (mTLS); the passphrase of an encrypted key. */
  clientCert?: { certPem: string; keyPem: string; passphrase?: string };
  /** An `http://` or `https://` proxy URL (credentials in it are used for the proxy, never logged). */
  proxyUrl?: string;
  /** Per-attempt timeout, default 30 000 ms. */
  timeoutMs?: number;
  /** Requests in flight at once for this environment, default 4. */
  maxConcurrency?: number;
  /** Attempts per request (first try included), default 5. */
  maxAttempts?: number;
  /** Base delay for exponential backoff, default 500 ms. */
  backoffBaseMs?: number;
  /** Cap of one backoff delay, default 15 000 ms. */
  backoffCapMs?: number;
  /** Cap of a 429 `Retry-After` wait, default 60 000 ms. */
  retryAfterCapMs?: number;
  /** Largest response body accepted, default 64 MiB. */
  maxResponseBytes?: number;
  /** Makes the wire requests travel on (MWAA's InvokeRestApi); default: HTTP to the base URL. */
  wire?: () => AirflowWire;
  /** Injectable for tests. */
  sleep?: (ms: number) => Promise<void>;
  /** Injectable for tests: a number in [0, 1). */
  random?: () => number;
}

export type ResolvedTransportOptions = Required<Omit<TransportOptions, 'caPem' | 'proxyUrl' | 'wire' | 'clientCert'>> &
  Pick<TransportOptions, 'caPem' | 'proxyUrl' | 'wire' | 'clientCert'>;

export const defaultSleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

export function resolveTransportOptions(o: TransportOptions): ResolvedTransportOptions {
  return {
    baseUrl: o.baseUrl,
    caPem: o.caPem,
    proxyUrl: o.proxyUrl,
    wire: o.wire,
    clientCert: o.clientCert,
    timeoutMs: o.timeoutMs ?? 30_000,
    maxConcurrency: Math.max(1, o.maxConcurrency ?? 4),
    maxAttempts: Math.max(1, o.maxAttempts ?? 5),
    backoffBaseMs: o.backoffBaseMs ?? 500,
    backoffCapMs: o.backoffCapMs ?? 15_000,
    retryAfterCapMs: o.retryAfterCapMs ?? 60_000,
    maxResponseBytes: o.maxResponseBytes ?? 64 * 1024 * 1024,
    sleep: o.sleep ?? defaultSleep,
    random: o.random ?? Math.random,
  };
}
