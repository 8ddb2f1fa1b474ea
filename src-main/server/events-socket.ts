import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import type { Engine } from '../engine/engine';
import { WS_PROTOCOL, type WireEvent } from '../../src-shared/api/wire';
import { hasTokenSubprotocol } from './subprotocols';

const HEARTBEAT_MS = 30_000;
/** A client this far behind is dropped rather than buffered without bound. */
const MAX_BUFFERED_BYTES = 8 * 1024 * 1024;

export interface EventsSocket {
  /** Handles an upgrade already checked for path, Host and Origin. */
  upgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void;
  close(): void;
}

/** Ends a refused upgrade with a bare HTTP status line. */
export function refuseUpgrade(socket: Duplex, status: string): void {
  socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
  socket.destroy();
}

/** Pushes every engine event to authenticated WebSocket clients as `{event, payload}`. */
export function createEventsSocket(engine: Engine, token: string, heartbeatMs = HEARTBEAT_MS): EventsSocket {
  const wss = new WebSocketServer({
    noServer: true,
    maxPayload: 4096,
    perMessageDeflate: false,
    handleProtocols: () => WS_PROTOCOL,
  });
  const alive = new WeakMap<WebSocket, boolean>();

  wss.on('connection', (ws) => {
    alive.set(ws, true);
    ws.on('pong', () => alive.set(ws, true));
    ws.on('message', () => undefined);
    ws.on('error', () => ws.terminate());
  });

  const unsubscribe = engine.subscribe((event, payload) => {
    const message: WireEvent = { event, payload };
    const data = JSON.stringify(message);
    for (const client of wss.clients) {
      if (client.readyState !== client.OPEN) continue;
      if (client.bufferedAmount > MAX_BUFFERED_BYTES) client.terminate();
      else client.send(data);
    }
  });

  const heartbeat = setInterval(() => {
    for (const client of wss.clients) {
      if (alive.get(client) === false) {
        client.terminate();
        continue;
      }
      alive.set(client, false);
      client.ping();
    }
  }, heartbeatMs);
  heartbeat.unref();

  return {
    upgrade(req, socket, head) {
      if (!hasTokenSubprotocol(req.headers, token)) {
        refuseUpgrade(socket, '401 Unauthorized');
        return;
      }
      wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req));
    },
    close() {
      clearInterval(heartbeat);
      unsubscribe();
      for (const client of wss.clients) client.terminate();
      wss.close();
    },
  };
}
