/**
 * A small reverse proxy on 127.0.0.1 in front of a real Airflow peer, for the connection tests of issue 15: it forwards
 * requests under `prefix` to the peer (the prefix removed, nothing else rewritten) and answers 404 to everything else.
 * `admit` may refuse a request first (a bearer check; `upstreamAuthorization` then signs in to the peer for it); `tls` serves HTTPS (with client certificates when it asks for them).
 */
import http from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';

export interface LoopbackProxy {
  /** The proxy's URL with the prefix, e.g. `http://127.0.0.1:1234/team-a/airflow`. */
  baseUrl: string;
  /** Paths of the requests that arrived (prefix included), in order. */
  seen: string[];
  /** Requests answered 404 because they were outside the prefix. */
  outside: string[];
  close(): Promise<void>;
}

export interface LoopbackProxyOptions {
  target: string;
  prefix: string;
  /** Returns a status to refuse the request with, or null to forward it. */
  admit?: (req: http.IncomingMessage) => number | null;
  tls?: https.ServerOptions;
  /** The Authorization header sent on to the peer once `admit` let a request through (a gateway signing in for it). */
  upstreamAuthorization?: string;
}

export async function startLoopbackProxy(options: LoopbackProxyOptions): Promise<LoopbackProxy> {
  const target = new URL(options.target);
  const seen: string[] = [];
  const outside: string[] = [];
  const handler: http.RequestListener = (req, res) => {
    const url = req.url ?? '/';
    seen.push(url);
    if (url !== options.prefix && !url.startsWith(`${options.prefix}/`)) {
      outside.push(url);
      res.writeHead(404, { 'content-type': 'text/plain' }).end('outside the prefix');
      return;
    }
    const refused = options.admit?.(req) ?? null;
    if (refused !== null) {
      res.writeHead(refused, { 'content-type': 'application/json' }).end(JSON.stringify({ detail: 'refused by the loopback proxy' }));
      return;
    }
    const headers = {
      ...req.headers,
      host: target.host,
      ...(options.upstreamAuthorization ? { authorization: options.upstreamAuthorization } : {}),
    };
    const upstream = http.request(
      { host: target.hostname, port: target.port, method: req.method, path: url.slice(options.prefix.length) || '/', headers },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    upstream.on('error', () => res.writeHead(502).end());
    req.pipe(upstream);
  };
  const server = options.tls ? https.createServer(options.tls, handler) : http.createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  const host = options.tls ? `https://localhost:${port}` : `http://127.0.0.1:${port}`;
  return {
    baseUrl: `${host}${options.prefix}`,
    seen,
    outside,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
