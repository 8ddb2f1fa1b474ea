import https from 'node:https';
import type { AddressInfo } from 'node:net';
import type http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConnectionTestResult } from '../../../src-shared/domain/connection-result';
import { testConnection } from '../../../src-main/services/airflow/detect/test-connection';
import { makeTempDir } from '../temp-dir';
import { sendJson, startLocalServer } from './local-server';
import { makeTestCerts, type TestCerts } from './tls-certs';

const admin = { kind: 'password', username: 'admin', password: 'pw-not-shown' } as const;
const fast = { maxAttempts: 1, timeoutMs: 3000 };

/** Answers like Airflow 3 for the three calls a connection test makes. */
function airflow3Like(version: string): http.RequestListener {
  return (req, res) => {
    if (req.url === '/api/v2/monitor/health')
      return sendJson(res, 200, { metadatabase: { status: 'healthy' }, scheduler: { status: 'healthy' } });
    if (req.url === '/api/v2/version') return sendJson(res, 200, { version, git_version: null });
    if (req.url === '/auth/token') return sendJson(res, 201, { access_token: 'jwt' });
    if (req.url?.startsWith('/api/v2/dags')) {
      if (req.headers.authorization !== 'Bearer jwt') return sendJson(res, 401, { detail: 'Not authenticated' });
      return sendJson(res, 200, { dags: [], total_entries: 7 });
    }
    sendJson(res, 404, { detail: 'Not Found' });
  };
}

describe('testConnection without a real Airflow', () => {
  it('reports an HTML site as not_airflow', async () => {
    const s = await startLocalServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end('<!doctype html><title>Intranet</title>');
    });
    try {
      const r = await testConnection({ baseUrl: s.baseUrl, auth: admin, transport: fast });
      expect(ConnectionTestResult.parse(r)).toMatchObject({ ok: false, kind: 'not_airflow' });
    } finally {
      await s.close();
    }
  });

  it('reports unknown JSON as not_airflow', async () => {
    const s = await startLocalServer((_req, res) => sendJson(res, 200, { hello: 'world' }));
    try {
      expect(await testConnection({ baseUrl: s.baseUrl, auth: admin, transport: fast })).toMatchObject({ ok: false, kind: 'not_airflow' });
    } finally {
      await s.close();
    }
  });

  it('reports a closed port as refused', async () => {
    const s = await startLocalServer(() => undefined);
    await s.close(); // the port is free now
    const r = await testConnection({ baseUrl: s.baseUrl, auth: admin, transport: fast });
    expect(r).toMatchObject({ ok: false, kind: 'refused', call: 'GET /api/v2/monitor/health' });
  });

  it('reports an unknown host as dns', async () => {
    const r = await testConnection({ baseUrl: 'http://nonexistent.invalid', auth: admin, transport: fast });
    expect(r).toMatchObject({ ok: false, kind: 'dns' });
  });

  it('reports a silent server as timeout', async () => {
    const s = await startLocalServer(() => undefined);
    try {
      const r = await testConnection({ baseUrl: s.baseUrl, auth: admin, transport: { maxAttempts: 1, timeoutMs: 200 } });
      expect(r).toMatchObject({ ok: false, kind: 'timeout' });
    } finally {
      await s.close();
    }
  });

  it('reports a bad URL as invalid_url', async () => {
    expect(await testConnection({ baseUrl: 'airflow.example.com', auth: admin })).toMatchObject({ ok: false, kind: 'invalid_url' });
    expect(await testConnection({ baseUrl: 'ftp://airflow.example.com', auth: admin })).toMatchObject({ ok: false, kind: 'invalid_url' });
  });

  it('rejects unsupported versions', async () => {
    for (const version of ['4.0.0', '2.6.3']) {
      const s = await startLocalServer(
        version.startsWith('2')
          ? (req, res) =>
              req.url === '/api/v1/health'
                ? sendJson(res, 200, { metadatabase: { status: 'healthy' } })
                : req.url === '/api/v1/version'
                  ? sendJson(res, 200, { version })
                  : sendJson(res, 404, {})
          : airflow3Like(version),
      );
      try {
        expect(await testConnection({ baseUrl: s.baseUrl, auth: admin, transport: fast })).toMatchObject({
          ok: false,
          kind: 'unsupported_version',
          version,
        });
      } finally {
        await s.close();
      }
    }
  });

  it('names the refused call on 403', async () => {
    const s = await startLocalServer((req, res) =>
      req.url?.startsWith('/api/v2/dags') ? sendJson(res, 403, { detail: 'Forbidden' }) : airflow3Like('3.3.2')(req, res),
    );
    try {
      const r = await testConnection({ baseUrl: s.baseUrl, auth: admin, transport: fast });
      expect(r).toMatchObject({ ok: false, kind: 'forbidden', call: 'GET /api/v2/dags', status: 403, apiVersion: 'v2', version: '3.3.2' });
      expect(JSON.stringify(r)).not.toContain('pw-not-shown');
    } finally {
      await s.close();
    }
  });
});

describe('testConnection over TLS', () => {
  let certs: TestCerts;
  let cleanup: () => void;
  const servers: https.Server[] = [];

  async function httpsServer(pair: { key: string; cert: string }): Promise<number> {
    const server = https.createServer(pair, airflow3Like('3.3.2'));
    servers.push(server);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return (server.address() as AddressInfo).port;
  }

  beforeAll(() => {
    const tmp = makeTempDir('orc-tls-');
    cleanup = tmp.cleanup;
    certs = makeTestCerts(tmp.dir);
  });
  afterAll(async () => {
    for (const s of servers) {
      s.closeAllConnections();
      await new Promise((resolve) => s.close(resolve));
    }
    cleanup();
  });

  it('connects with a custom CA', async () => {
    const port = await httpsServer(certs.good);
    const r = await testConnection({ baseUrl: `https://localhost:${port}`, auth: admin, transport: { ...fast, caPem: certs.caPem } });
    expect(r).toEqual({ ok: true, apiVersion: 'v2', version: '3.3.2', dagCount: 7 });
  });

  it('names the certificate problem', async () => {
    const good = await httpsServer(certs.good);
    const expired = await httpsServer(certs.expired);
    const selfSigned = await httpsServer(certs.selfSigned);
    const cases: Array<[string, string | undefined, string]> = [
      [`https://localhost:${good}`, undefined, 'unknown_ca'],
      [`https://127.0.0.1:${good}`, certs.caPem, 'hostname_mismatch'],
      [`https://localhost:${expired}`, certs.caPem, 'expired'],
      [`https://localhost:${selfSigned}`, undefined, 'self_signed'],
      [`https://localhost:${good}`.replace('https', 'http'), undefined, 'not_airflow'],
    ];
    for (const [baseUrl, caPem, problem] of cases) {
      const r = await testConnection({ baseUrl, auth: admin, transport: { ...fast, ...(caPem ? { caPem } : {}) } });
      if (problem === 'not_airflow') expect(r.ok ? 'ok' : r.kind, baseUrl).not.toBe('ok');
      else expect(r, baseUrl).toMatchObject({ ok: false, kind: 'tls', tlsProblem: problem });
    }
  });
});
