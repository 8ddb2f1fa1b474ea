import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { realpath } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import type { Engine } from '../engine/engine';
import { HTTP_CALL_PREFIX, TOKEN_FRAGMENT_KEY, WS_EVENTS_PATH } from '../../src-shared/api/wire';
import { handleApiCall } from './api-call';
import { servedContentSecurityPolicy } from '../platform/csp';
import { createEventsSocket, refuseUpgrade } from './events-socket';
import { allowedHosts, checkLoopbackRequest } from './loopback-guard';
import { securityHeaders, sendError } from './responses';
import { serveStatic } from './static-files';
import { createToken, isAcceptableToken } from './token';

export const SERVED_HOST = '127.0.0.1';

export interface ServerOptions {
  engine: Engine;
  /** 0 (default) picks a free port. */
  port?: number;
  /** The built renderer (out/renderer). */
  staticDir: string;
  /** Fixed token (tests); a fresh random one otherwise. */
  token?: string;
  log?: (message: string) => void;
}

export interface RunningServer {
  /** http://127.0.0.1:PORT/#token=... — the token stays in the fragment, never sent to a server. */
  url: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

function pathnameOf(req: IncomingMessage): string | null {
  try {
    return new URL(req.url ?? '/', `http://${SERVED_HOST}`).pathname;
  } catch {
    return null;
  }
}

/**
 * The served mode: the same API as the Electron shell over loopback HTTP and a
 * WebSocket, guarded by a per-launch token, Host and Origin checks.
 */
export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const token = options.token ?? createToken();
  if (!isAcceptableToken(token)) throw new Error('The server token must be 32+ base64url characters.');
  const root = await realpath(options.staticDir);
  const log = options.log ?? (() => undefined);
  const server = createServer();
  server.requestTimeout = 60_000;
  server.headersTimeout = 15_000;

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, SERVED_HOST, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  const hosts = allowedHosts(port);
  const headers = securityHeaders(servedContentSecurityPolicy(port));
  const events = createEventsSocket(options.engine, token);

  const onRequest = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const verdict = checkLoopbackRequest(req.headers, hosts);
    if (!verdict.ok) {
      res.setHeader('Connection', 'close');
      sendError(res, verdict.status, { code: 'forbidden', message: verdict.message }, headers);
      return;
    }
    const pathname = pathnameOf(req);
    if (pathname === null) {
      sendError(res, 400, { code: 'invalid_input', message: 'Malformed request target.' }, headers);
    } else if (pathname.startsWith(HTTP_CALL_PREFIX)) {
      await handleApiCall(req, res, pathname.slice(HTTP_CALL_PREFIX.length), { engine: options.engine, token, headers });
    } else if (pathname === '/api' || pathname.startsWith('/api/')) {
      sendError(res, 404, { code: 'not_found', message: 'No such API path.' }, headers);
    } else {
      await serveStatic(req, res, pathname, { root, headers });
    }
  };

  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    onRequest(req, res).catch((error: unknown) => {
      log(`served: request failed (${error instanceof Error ? error.name : 'unknown error'})`);
      if (!res.headersSent) sendError(res, 500, { code: 'internal', message: 'The request failed unexpectedly.' }, headers);
      else res.destroy();
    });
  });

  server.on('upgrade', (req: IncomingMessage, socket, head: Buffer) => {
    socket.on('error', () => socket.destroy());
    const verdict = checkLoopbackRequest(req.headers, hosts);
    if (!verdict.ok) {
      refuseUpgrade(socket, verdict.status === 421 ? '421 Misdirected Request' : '403 Forbidden');
      return;
    }
    if (pathnameOf(req) !== WS_EVENTS_PATH) {
      refuseUpgrade(socket, '404 Not Found');
      return;
    }
    events.upgrade(req, socket, head);
  });

  server.on('clientError', (_error, socket) => {
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n');
    socket.destroy();
  });

  return {
    url: `http://${SERVED_HOST}:${port}/#${TOKEN_FRAGMENT_KEY}=${token}`,
    port,
    token,
    close: async () => {
      events.close();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}
