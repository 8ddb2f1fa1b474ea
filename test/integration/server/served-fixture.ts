import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createEngine } from '../../../src-main/engine/create-engine';
import type { Engine } from '../../../src-main/engine/engine';
import { startServer, type RunningServer } from '../../../src-main/server/server';

export const TEST_TOKEN = 'test-token-0123456789abcdefghijklmnopqrstuv';
export const SECRET_TEXT = 'outside-the-static-dir-secret';

export interface Served {
  server: RunningServer;
  engine: Engine;
  root: string;
  close(): Promise<void>;
}

/** A real engine on a temp data dir, and a tiny built renderer next to a file it must never serve. */
export async function startServed(options: { demo?: boolean } = {}): Promise<Served> {
  const root = mkdtempSync(join(tmpdir(), 'orc-served-'));
  const staticDir = join(root, 'renderer');
  mkdirSync(join(staticDir, 'assets'), { recursive: true });
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>ORC</title><div id="root"></div>');
  writeFileSync(join(staticDir, 'assets', 'app.js'), 'console.log("app");');
  writeFileSync(join(staticDir, 'assets', 'app.css'), 'body{}');
  writeFileSync(join(root, 'secret.txt'), SECRET_TEXT);
  const engine = await createEngine({
    dataDir: join(root, 'data'),
    mode: 'served',
    version: '0.0.0-test',
    demo: options.demo ?? false,
    validateOutput: true,
  });
  await engine.ready; // the Demo is built in the background
  const server = await startServer({ engine, port: 0, staticDir, token: TEST_TOKEN });
  return {
    server,
    engine,
    root,
    async close() {
      await server.close();
      await engine.close();
      rmSync(root, { recursive: true, force: true });
    },
  };
}

export interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

export interface RawRequest {
  port: number;
  method?: string;
  path: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
  host?: string;
}

/** http.request with full control over Host and the other headers. */
export function rawRequest(req: RawRequest): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const r = request(
      {
        host: req.host ?? '127.0.0.1',
        port: req.port,
        method: req.method ?? 'GET',
        path: req.path,
        headers: { Host: `127.0.0.1:${req.port}`, ...req.headers },
        agent: false,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', reject);
      },
    );
    r.on('error', reject);
    if (req.body !== undefined) r.write(req.body);
    r.end();
  });
}

/** An authorised API call with a JSON body. */
export function apiCall(port: number, name: string, body: string | Buffer, headers: Record<string, string> = {}): Promise<RawResponse> {
  return rawRequest({
    port,
    method: 'POST',
    path: `/api/call/${name}`,
    headers: { Authorization: `Bearer ${TEST_TOKEN}`, 'Content-Type': 'application/json', ...headers },
    body,
  });
}
