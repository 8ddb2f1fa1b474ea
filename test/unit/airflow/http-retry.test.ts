import { afterEach, describe, expect, it } from 'vitest';
import { AirflowHttpClient } from '../../../src-main/services/airflow/http/airflow-http-client';
import {
  AirflowHttpError,
  AirflowInvalidJsonError,
  AirflowNetworkError,
  AirflowNotJsonError,
  AirflowResponseTooLargeError,
} from '../../../src-main/services/airflow/http/http-errors';
import { recordingSleep, sendJson, startLocalServer, type LocalServer } from './local-server';

let server: LocalServer | undefined;
let client: AirflowHttpClient | undefined;
afterEach(async () => {
  await client?.close();
  await server?.close();
  client = undefined;
  server = undefined;
});

function clientFor(
  s: LocalServer,
  extra: Partial<ConstructorParameters<typeof AirflowHttpClient>[0]> = {},
): { c: AirflowHttpClient; delays: number[] } {
  const { sleep, delays } = recordingSleep();
  client = new AirflowHttpClient({ baseUrl: s.baseUrl, sleep, random: () => 0.5, ...extra });
  return { c: client, delays };
}

describe('AirflowHttpClient retries', () => {
  it('retries 502/503/504 with exponential full-jitter backoff, then succeeds', async () => {
    let n = 0;
    server = await startLocalServer((_req, res) => {
      n += 1;
      if (n <= 3) sendJson(res, [502, 503, 504][n - 1] ?? 500, { detail: 'busy' });
      else sendJson(res, 200, { ok: true });
    });
    const { c, delays } = clientFor(server, { backoffBaseMs: 100, backoffCapMs: 10_000 });
    await expect(c.getJson('/api/v2/dags')).resolves.toEqual({ ok: true });
    expect(c.requestCount()).toBe(4);
    // random() = 0.5 of min(cap, base * 2^retry): 50, 100, 200
    expect(delays).toEqual([50, 100, 200]);
  });

  it('gives up after maxAttempts (default 5) with the last status', async () => {
    server = await startLocalServer((_req, res) => sendJson(res, 500, { detail: 'boom' }));
    const { c, delays } = clientFor(server);
    const error = await c.getJson('/api/v2/dags', { limit: 1 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AirflowHttpError);
    expect((error as AirflowHttpError).status).toBe(500);
    expect((error as AirflowHttpError).message).toBe('GET /api/v2/dags returned HTTP 500: boom');
    expect(c.requestCount()).toBe(5);
    expect(delays).toHaveLength(4);
    for (const [i, d] of delays.entries()) expect(d).toBeLessThan(Math.min(15_000, 500 * 2 ** i));
  });

  it('does not retry other 4xx', async () => {
    server = await startLocalServer((_req, res) => sendJson(res, 404, { detail: 'DAG not found' }));
    const { c } = clientFor(server);
    await expect(c.getJson('/api/v2/dags/x')).rejects.toMatchObject({ status: 404, detail: 'DAG not found' });
    expect(c.requestCount()).toBe(1);
  });

  it('honours 429 Retry-After in seconds and as an HTTP date, capped', async () => {
    let n = 0;
    server = await startLocalServer((_req, res) => {
      n += 1;
      if (n === 1) sendJson(res, 429, { detail: 'slow down' }, { 'retry-after': '2' });
      else if (n === 2) sendJson(res, 429, {}, { 'retry-after': new Date(Date.now() + 3_600_000).toUTCString() });
      else sendJson(res, 200, { ok: 1 });
    });
    const { c, delays } = clientFor(server, { retryAfterCapMs: 30_000 });
    await expect(c.getJson('/api/v2/pools')).resolves.toEqual({ ok: 1 });
    expect(delays).toEqual([2000, 30_000]);
  });

  it('retries a truncated body (connection cut mid-body) and invalid JSON', async () => {
    let n = 0;
    server = await startLocalServer((_req, res) => {
      n += 1;
      if (n === 1) {
        res.writeHead(200, { 'content-type': 'application/json', 'content-length': '1000' });
        res.write('{"dags": [{"dag_id": "a"');
        setTimeout(() => res.socket?.destroy(), 20);
      } else if (n === 2) {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end('{"dags": [{"dag_id": "a"'); // complete response, broken JSON
      } else sendJson(res, 200, { dags: [], total_entries: 0 });
    });
    const { c } = clientFor(server);
    await expect(c.getJson('/api/v2/dags')).resolves.toEqual({ dags: [], total_entries: 0 });
    expect(c.requestCount()).toBe(3);
  });

  it('reports persistent invalid JSON as AirflowInvalidJsonError after all attempts', async () => {
    server = await startLocalServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"trunc');
    });
    const { c } = clientFor(server, { maxAttempts: 3 });
    await expect(c.getJson('/api/v2/dags')).rejects.toBeInstanceOf(AirflowInvalidJsonError);
    expect(c.requestCount()).toBe(3);
  });

  it('does not retry an HTML page answered with 200', async () => {
    server = await startLocalServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end('<html><body>Sign in</body></html>');
    });
    const { c } = clientFor(server);
    const error = await c.getJson('/api/v2/dags').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AirflowNotJsonError);
    expect((error as AirflowNotJsonError).contentType).toBe('text/html');
    expect(c.requestCount()).toBe(1);
  });

  it('retries connection resets', async () => {
    let n = 0;
    server = await startLocalServer((req, res) => {
      n += 1;
      if (n <= 2) req.socket.destroy();
      else sendJson(res, 200, { ok: true });
    });
    const { c, delays } = clientFor(server);
    await expect(c.getJson('/api/v2/version')).resolves.toEqual({ ok: true });
    expect(delays).toHaveLength(2);
  });

  it('times out a silent server per attempt and retries, then reports TIMEOUT', async () => {
    server = await startLocalServer(() => undefined); // never answers
    const { c } = clientFor(server, { timeoutMs: 150, maxAttempts: 2 });
    const started = Date.now();
    const error = await c.getJson('/api/v2/dags').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AirflowNetworkError);
    expect((error as AirflowNetworkError).code).toBe('TIMEOUT');
    expect(c.requestCount()).toBe(2);
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('refuses a body over the size cap without retrying (declared and streamed)', async () => {
    let chunked = false;
    server = await startLocalServer((_req, res) => {
      const big = JSON.stringify({ content: 'x'.repeat(5000) });
      if (chunked) {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.write(big.slice(0, 2000));
        res.end(big.slice(2000));
      } else sendJson(res, 200, JSON.parse(big));
    });
    const { c } = clientFor(server, { maxResponseBytes: 1000 });
    await expect(c.getJson('/api/v2/big')).rejects.toBeInstanceOf(AirflowResponseTooLargeError);
    chunked = true;
    const error = await c.getJson('/api/v2/big').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AirflowResponseTooLargeError);
    expect((error as Error).message).toContain('GET /api/v2/big');
    expect(c.requestCount()).toBe(2);
  });

  it('keeps at most maxConcurrency requests in flight', async () => {
    let active = 0;
    let peak = 0;
    server = await startLocalServer((_req, res) => {
      active += 1;
      peak = Math.max(peak, active);
      setTimeout(() => {
        active -= 1;
        sendJson(res, 200, {});
      }, 30);
    });
    const { c } = clientFor(server, { maxConcurrency: 2 });
    await Promise.all(Array.from({ length: 8 }, (_, i) => c.getJson(`/api/v2/x${i}`)));
    expect(peak).toBe(2);
    expect(c.requestCount()).toBe(8);
  });

  it('keeps a base URL path prefix and encodes repeated query parameters', async () => {
    server = await startLocalServer((_req, res) => sendJson(res, 200, {}));
    client = new AirflowHttpClient({ baseUrl: `${server.baseUrl}/airflow/` });
    await client.getJson('/api/v2/dags/~/dagRuns', { state: ['success', 'failed'], limit: 100, skip: undefined });
    expect(server.seen.at(-1)?.url).toBe('/airflow/api/v2/dags/~/dagRuns?state=success&state=failed&limit=100');
  });
});
