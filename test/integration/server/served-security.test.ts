import { connect } from 'node:net';
import { networkInterfaces } from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { MAX_BODY_BYTES, WS_EVENTS_PATH, WS_PROTOCOL, WS_TOKEN_PROTOCOL_PREFIX } from '../../../src-shared/api/wire';
import { apiCall, rawRequest, SECRET_TEXT, startServed, TEST_TOKEN, type Served } from './served-fixture';

let served: Served;
let port: number;

beforeAll(async () => {
  served = await startServed({ demo: false });
  port = served.server.port;
});
afterAll(async () => {
  await served.close();
});

function errorCode(body: string): string | undefined {
  const parsed = JSON.parse(body) as { ok: boolean; error?: { code: string } };
  expect(parsed.ok).toBe(false);
  return parsed.error?.code;
}

function openSocket(protocols: string[], headers: Record<string, string> = {}): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`ws://127.0.0.1:${port}${WS_EVENTS_PATH}`, protocols, { headers });
    ws.once('open', () => resolve(ws));
    ws.once('error', reject);
    ws.once('unexpected-response', (_req, res) => reject(new Error(`refused with ${res.statusCode}`)));
  });
}

describe('served mode: launch', () => {
  it('binds 127.0.0.1 and puts the token in the URL fragment only', () => {
    expect(served.server.url).toBe(`http://127.0.0.1:${port}/#token=${TEST_TOKEN}`);
  });

  it('answers an authorised call with the ApiResult', async () => {
    const res = await apiCall(port, 'app.info', '{}');
    expect(res.status).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.headers['access-control-allow-origin']).toBeUndefined();
    const body = JSON.parse(res.body) as { ok: boolean; value: { mode: string } };
    expect(body).toMatchObject({ ok: true, value: { mode: 'served' } });
  });

  it('accepts a same-origin browser request', async () => {
    const res = await apiCall(port, 'settings.get', '{}', { Origin: `http://127.0.0.1:${port}` });
    expect(res.status).toBe(200);
  });

  it('accepts the localhost and [::1] host names with the right port', async () => {
    for (const host of [`localhost:${port}`, `[::1]:${port}`]) {
      const res = await apiCall(port, 'settings.get', '{}', { Host: host });
      expect(res.status).toBe(200);
    }
  });
});

describe('served mode: token', () => {
  it('refuses a call without a token', async () => {
    const res = await rawRequest({
      port,
      method: 'POST',
      path: '/api/call/app.info',
      headers: { 'Content-Type': 'application/json' },
      body: '{}',
    });
    expect(res.status).toBe(401);
    expect(errorCode(res.body)).toBe('unauthorized');
  });

  it('refuses a wrong token, also one of another length', async () => {
    for (const token of [TEST_TOKEN.replace(/.$/, 'X'), 'short', `${TEST_TOKEN}extra`]) {
      const res = await apiCall(port, 'app.info', '{}', { Authorization: `Bearer ${token}` });
      expect(res.status).toBe(401);
      expect(res.body).not.toContain(TEST_TOKEN);
    }
  });
});

describe('served mode: Host and Origin', () => {
  it('refuses a foreign Host header (DNS rebinding), on the API and on static files', async () => {
    const api = await apiCall(port, 'app.info', '{}', { Host: `evil.example:${port}` });
    expect([403, 421]).toContain(api.status);
    const page = await rawRequest({ port, path: '/', headers: { Host: `evil.example:${port}` } });
    expect([403, 421]).toContain(page.status);
    expect(page.body).not.toContain('<title>ORC</title>');
  });

  it('refuses a loopback Host with the wrong port', async () => {
    const res = await apiCall(port, 'app.info', '{}', { Host: `127.0.0.1:${port + 1}` });
    expect([403, 421]).toContain(res.status);
  });

  it('refuses a foreign Origin and never sends CORS headers', async () => {
    for (const origin of ['http://evil.example', `http://localhost:${port + 1}`, 'null', `https://127.0.0.1:${port}`]) {
      const res = await apiCall(port, 'app.info', '{}', { Origin: origin });
      expect(res.status).toBe(403);
      expect(res.headers['access-control-allow-origin']).toBeUndefined();
    }
  });

  it('refuses a preflight', async () => {
    const res = await rawRequest({ port, method: 'OPTIONS', path: '/api/call/app.info', headers: { Origin: 'http://evil.example' } });
    expect(res.status).toBe(403);
  });
});

describe('served mode: request checks', () => {
  it('returns 400 with the validation message for an invalid payload', async () => {
    const res = await apiCall(port, 'runs.list', JSON.stringify({ envId: 'demo', limit: 'x' }));
    expect(res.status).toBe(400);
    const body = JSON.parse(res.body) as { ok: false; error: { code: string; message: string } };
    expect(body.error.code).toBe('invalid_input');
    expect(body.error.message).toContain('limit');
  });

  it('returns 404 for an unknown request', async () => {
    const res = await apiCall(port, 'nope.nothing', '{}');
    expect(res.status).toBe(404);
    expect(errorCode(res.body)).toBe('not_found');
  });

  it('returns 404 for an unknown environment (typed error from a handler)', async () => {
    const res = await apiCall(port, 'overview.get', JSON.stringify({ envId: 'missing' }));
    expect(res.status).toBe(404);
  });

  it('returns 413 for an oversized body', async () => {
    const res = await apiCall(port, 'app.info', JSON.stringify({ pad: 'a'.repeat(MAX_BODY_BYTES) }));
    expect(res.status).toBe(413);
    expect(errorCode(res.body)).toBe('payload_too_large');
  });

  it('returns 413 for an oversized chunked body without Content-Length', async () => {
    const res = await apiCall(port, 'app.info', Buffer.alloc(MAX_BODY_BYTES + 10, 0x20), { 'Transfer-Encoding': 'chunked' });
    expect(res.status).toBe(413);
  });

  it('returns 415 for a wrong content type', async () => {
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x']) {
      const res = await apiCall(port, 'app.info', '{}', { 'Content-Type': type });
      expect(res.status).toBe(415);
    }
  });

  it('refuses GET on the API', async () => {
    const res = await rawRequest({ port, path: '/api/call/app.info', headers: { Authorization: `Bearer ${TEST_TOKEN}` } });
    expect(res.status).toBe(405);
  });
});

describe('served mode: static files', () => {
  it('serves files with content types and security headers', async () => {
    const js = await rawRequest({ port, path: '/assets/app.js' });
    expect(js.status).toBe(200);
    expect(js.headers['content-type']).toMatch(/^text\/javascript/);
    expect(js.headers['x-content-type-options']).toBe('nosniff');
    expect(js.headers['referrer-policy']).toBe('no-referrer');
    const csp = String(js.headers['content-security-policy']);
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self';");
    expect(csp).toContain(`ws://127.0.0.1:${port}`);
    expect(csp).toContain("frame-ancestors 'none'");
    const css = await rawRequest({ port, path: '/assets/app.css' });
    expect(css.headers['content-type']).toMatch(/^text\/css/);
  });

  it('falls back to index.html for unknown paths', async () => {
    const res = await rawRequest({ port, path: '/environments/demo/runs' });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(res.body).toContain('<title>ORC</title>');
  });

  it('returns 404 for a missing asset rather than the page', async () => {
    const res = await rawRequest({ port, path: '/assets/missing.js' });
    expect(res.status).toBe(404);
  });

  it('returns JSON 404 for unknown /api paths instead of the page', async () => {
    const res = await rawRequest({ port, path: '/api/other' });
    expect(res.status).toBe(404);
  });

  it('refuses path traversal', async () => {
    for (const path of [
      '/../secret.txt',
      '/..%2fsecret.txt',
      '/%2e%2e/secret.txt',
      '/assets/..%2f..%2fsecret.txt',
      '/..%5csecret.txt',
      '/%00index.html',
    ]) {
      const res = await rawRequest({ port, path });
      expect(res.body, path).not.toContain(SECRET_TEXT);
      expect(res.status === 403 || res.status === 404 || res.body.includes('<title>ORC</title>'), path).toBe(true);
    }
    const encoded = await rawRequest({ port, path: '/..%2fsecret.txt' });
    expect(encoded.status).toBe(403);
  });
});

describe('served mode: events WebSocket', () => {
  it('refuses a bad token, a missing token and a foreign Origin', async () => {
    await expect(openSocket([WS_PROTOCOL, `${WS_TOKEN_PROTOCOL_PREFIX}wrong-token-wrong-token-wrong-token-00`])).rejects.toThrow(/401/);
    await expect(openSocket([WS_PROTOCOL])).rejects.toThrow(/401/);
    await expect(openSocket([WS_PROTOCOL, `${WS_TOKEN_PROTOCOL_PREFIX}${TEST_TOKEN}`], { Origin: 'http://evil.example' })).rejects.toThrow(
      /403/,
    );
    await expect(openSocket([WS_PROTOCOL, `${WS_TOKEN_PROTOCOL_PREFIX}${TEST_TOKEN}`], { Host: `evil.example:${port}` })).rejects.toThrow(
      /421/,
    );
  });

  it('selects the protocol and delivers engine events with a good token', async () => {
    const ws = await openSocket([WS_PROTOCOL, `${WS_TOKEN_PROTOCOL_PREFIX}${TEST_TOKEN}`], { Origin: `http://127.0.0.1:${port}` });
    expect(ws.protocol).toBe(WS_PROTOCOL);
    const received = new Promise<unknown>((resolve) => ws.once('message', (data: Buffer) => resolve(JSON.parse(data.toString('utf8')))));
    const res = await apiCall(port, 'settings.update', JSON.stringify({ theme: 'dark' }));
    expect(res.status).toBe(200);
    expect(await received).toEqual({ event: 'data.changed', payload: { topics: ['settings'], envId: null } });
    ws.close();
  });
});

describe('served mode: listening address', () => {
  const external = Object.values(networkInterfaces())
    .flat()
    .filter((info) => info !== undefined && !info.internal && !info.address.startsWith('fe80'))
    .map((info) => info?.address ?? '');

  it('is not reachable on a non-loopback address', async () => {
    for (const address of external) {
      const outcome = await new Promise<string>((resolve) => {
        const socket = connect({ host: address, port });
        socket.setTimeout(2000, () => {
          socket.destroy();
          resolve('timeout');
        });
        socket.once('connect', () => {
          socket.destroy();
          resolve('connected');
        });
        socket.once('error', () => resolve('refused'));
      });
      expect(outcome, address).not.toBe('connected');
    }
  });
});
