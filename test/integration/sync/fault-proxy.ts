/**
 * A fault-injecting HTTP proxy for sync tests: sits between the client and a
 * real Airflow on loopback and, by seeded chance, drops connections, answers
 * 500/502/503, stalls past the client's timeout, answers 429 with Retry-After,
 * or truncates bodies. Everything else is forwarded unchanged.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export type Fault = 'drop' | '500' | '502' | '503' | 'stall' | '429' | 'truncate';
export const ALL_FAULTS: readonly Fault[] = ['drop', '500', '502', '503', 'stall', '429', 'truncate'];

export interface FaultProxyOptions {
  target: string;
  seed: number;
  /** Chance that a request gets a fault, 0..1. */
  rate: number;
  faults?: readonly Fault[];
  /** How long a stalled response is held (longer than the client's timeout). */
  stallMs: number;
}

export interface FaultProxy {
  url: string;
  counts: Record<Fault | 'forwarded', number>;
  close(): Promise<void>;
}

export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export async function startFaultProxy(options: FaultProxyOptions): Promise<FaultProxy> {
  const random = mulberry32(options.seed);
  const faults = options.faults ?? ALL_FAULTS;
  const target = new URL(options.target);
  const counts = Object.fromEntries([...ALL_FAULTS, 'forwarded'].map((k) => [k, 0])) as FaultProxy['counts'];
  const timers = new Set<NodeJS.Timeout>();

  const forward = (req: http.IncomingMessage, res: http.ServerResponse, truncate: boolean): void => {
    const upstream = http.request(
      { host: target.hostname, port: target.port, method: req.method, path: req.url, headers: { ...req.headers, host: target.host } },
      (up) => {
        const chunks: Buffer[] = [];
        up.on('data', (c: Buffer) => chunks.push(c));
        up.on('end', () => {
          const body = Buffer.concat(chunks);
          const headers = { ...up.headers };
          delete headers['transfer-encoding'];
          if (truncate && body.length > 2) {
            res.writeHead(up.statusCode ?? 502, { ...headers, 'content-length': String(body.length) });
            res.write(body.subarray(0, Math.floor(body.length / 2)));
            res.destroy();
            return;
          }
          res.writeHead(up.statusCode ?? 502, { ...headers, 'content-length': String(body.length) });
          res.end(body);
        });
      },
    );
    upstream.on('error', () => res.destroy());
    req.pipe(upstream);
  };

  const server = http.createServer((req, res) => {
    const fault = random() < options.rate ? faults[Math.floor(random() * faults.length)] : undefined;
    if (fault === undefined) {
      counts.forwarded++;
      forward(req, res, false);
      return;
    }
    counts[fault]++;
    switch (fault) {
      case 'drop':
        req.socket.destroy();
        return;
      case '500':
      case '502':
      case '503':
        res.writeHead(Number(fault), { 'content-type': 'text/plain' }).end(`injected ${fault}`);
        return;
      case '429':
        res.writeHead(429, { 'retry-after': '1', 'content-type': 'application/json' }).end('{"detail":"slow down"}');
        return;
      case 'stall': {
        // Hold the request past the client's timeout, then hang up without ever asking Airflow.
        const timer = setTimeout(() => {
          timers.delete(timer);
          req.socket.destroy();
        }, options.stallMs);
        timers.add(timer);
        return;
      }
      case 'truncate':
        forward(req, res, true);
        return;
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    counts,
    close: async () => {
      for (const t of timers) clearTimeout(t);
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
